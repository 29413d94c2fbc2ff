package dev.rapport.server;

import dev.rapport.server.demo.DemoData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's day in the console, in a real browser: a new colleague gets an account (the server's field error shown
 * first) and later another role, which they see when they log in; a department, an SLA target and a ticket type are
 * added or changed.
 */
class ConsoleAdminBrowserTest extends DemoConsole {
    private static final String NEW_USER = "#main form.new-user-form";
    private static final String EDIT_USER = "#main form.edit-user-form";

    @Test
    void anAdminCreatesAUserAndMakesThemASupervisorWhoThenSeesTheSupervisorViews() {
        browser.login("admin", "en").go("/admin/users");
        browser.waitForText("#main h1", "Users and roles");
        browser.click("#main button.new-user");
        browser.fill(NEW_USER, "employeeId", "zhou.min").fill(NEW_USER, "name", "周敏 Zhou Min")
                .fill(NEW_USER, "departmentId", "customer-service").fill(NEW_USER, "password", "short")
                .fill(NEW_USER, "email", "zhou.min@rapport.example");
        browser.click(NEW_USER + " button[type=submit]");
        String passwordError = browser.fieldError(NEW_USER, "password");
        browser.screenshot("admin-users-en");
        browser.fill(NEW_USER, "password", DemoData.PASSWORD);
        browser.click(NEW_USER + " button[type=submit]");
        String row = browser.waitForText("#main tr[data-employee-id='zhou.min']", "Agent").getText();

        browser.click("#main tr[data-employee-id='zhou.min'] button.edit-user");
        browser.click(EDIT_USER + " input[name=role][value=AGENT]");
        browser.click(EDIT_USER + " input[name=role][value=SUPERVISOR]");
        browser.fill(EDIT_USER, "tier", "EXPERT");
        browser.click(EDIT_USER + " button[type=submit]");
        String changed = browser.waitForText("#main tr[data-employee-id='zhou.min']", "Supervisor").getText();

        browser.logout();
        browser.login("zhou.min", "en");
        String menu = browser.waitForText("#nav", "Monitor").getText();

        assertThat(passwordError).contains("8 to 256 characters");
        assertThat(row).contains("zhou.min", "周敏 Zhou Min", "Customer Service", "Agent", "Front line", "Active");
        assertThat(changed).contains("Supervisor", "Expert").doesNotContain("Agent");
        assertThat(menu).contains("My queue", "Monitor", "Reports").doesNotContain("Users");
    }

    @Test
    void anAdminAddsADepartmentChangesAnSlaTargetAndAddsATicketType() {
        browser.login("admin", "en").go("/admin/departments");
        browser.waitForText("#main h1", "Departments");
        browser.fill("#main form.new-department-form", "name", "Field Service")
                .fill("#main form.new-department-form", "assignmentMode", "ROUND_ROBIN");
        browser.click("#main form.new-department-form button[type=submit]");
        String department = browser.waitForText("#main tr[data-department-id='field-service']", "Field Service")
                .getText();
        String mode = browser.find("#main tr[data-department-id='field-service'] select").getAttribute("value");
        browser.screenshot("admin-departments-en");

        browser.go("/admin/sla");
        browser.waitForText("#main h1", "SLA policy");
        browser.script("document.getElementById('toast').classList.remove('shown')");
        browser.screenshot("admin-sla-en");
        browser.click("#main button.edit-policy");
        browser.fill("#main form.policy-form", "targets.P3.firstResponse", "0");
        browser.click("#main form.policy-form button[type=submit]");
        String zeroError = browser.fieldError("#main form.policy-form", "targets.P3.firstResponse");
        browser.fill("#main form.policy-form", "targets.P3.firstResponse", "1.5");
        browser.click("#main form.policy-form button[type=submit]");
        String shown = browser.waitForText("#main tr[data-priority='P3']", "1 h 30 min").getText();
        String saved = server.get("/api/v1/sla/policies", server.login("admin")).text("/targets/P3/firstResponse");

        browser.click("#main section.calendar[data-calendar-id='business-hours'] button.edit-calendar");
        String calendarForm = "#main form.calendar-form";
        browser.fill(calendarForm, "week.SATURDAY", "12:00-09:00").fill(calendarForm, "holidays", "2026-12-31");
        browser.click(calendarForm + " button[type=submit]");
        String shiftError = browser.fieldError(calendarForm, "week.SATURDAY");
        browser.fill(calendarForm, "week.SATURDAY", "09:00-12:00");
        browser.click(calendarForm + " button[type=submit]");
        String calendar = browser.waitForText("#main section.calendar[data-calendar-id='business-hours']",
                "09:00–12:00").getText();

        browser.go("/admin/ticket-types");
        browser.waitForText("#main h1", "Ticket types");
        browser.click("#main button.new-type");
        String form = "#main form.ticket-type-form";
        browser.fill(form, "code", "WARRANTY_CLAIM").fill(form, "name", "Warranty claim")
                .fill(form, "defaultDepartment", "field-service").fill(form, "stage", "AFTER_SALES");
        browser.click(form + " button[type=submit]");
        String type = browser.waitForText("#main tr[data-code='WARRANTY_CLAIM']", "Warranty claim").getText();
        browser.screenshot("admin-ticket-types-en");

        assertThat(department).contains("Field Service", "field-service");
        assertThat(mode).isEqualTo("ROUND_ROBIN");
        assertThat(zeroError).contains("positive");
        assertThat(shown).contains("1 h 30 min");
        assertThat(saved).isEqualTo("PT1H30M");
        assertThat(shiftError).contains("start before they end");
        assertThat(calendar).contains("Saturday 09:00–12:00", "Dec 31, 2026");
        assertThat(type).contains("WARRANTY_CLAIM", "Field Service", "After-sales");
    }

    @Test
    void theAdminViewsReadInChinese() {
        browser.login("admin", "zh-CN").go("/admin/users");
        String users = browser.waitForText("#main h1", "用户与角色").getText();
        browser.click("#main button.new-user");
        browser.screenshot("admin-users-zh-CN");
        browser.go("/admin/departments");
        String departments = browser.waitForText("#main h1", "部门").getText();
        browser.screenshot("admin-departments-zh-CN");
        browser.go("/admin/sla");
        String sla = browser.waitForText("#main h1", "SLA 策略与工作日历").getText();
        String week = browser.find("#main section.calendar").getText();
        browser.screenshot("admin-sla-zh-CN");
        browser.go("/admin/ticket-types");
        String types = browser.waitForText("#main h1", "工单类型").getText();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main table.data")));
        browser.screenshot("admin-ticket-types-zh-CN");

        assertThat(users).isEqualTo("用户与角色");
        assertThat(departments).isEqualTo("部门");
        assertThat(sla).isEqualTo("SLA 策略与工作日历");
        assertThat(week).contains("星期一", "节假日");
        assertThat(types).isEqualTo("工单类型");
    }
}
