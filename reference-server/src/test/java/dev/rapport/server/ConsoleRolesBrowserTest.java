package dev.rapport.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.server.demo.DemoData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles the admin defines (issue 16), in a real browser: the admin creates a "quality" role that reads every ticket and
 * reports, gives it to a new colleague, who then reads every ticket but works none; the console shows why the admin
 * role cannot lose {@code user.admin} while nobody else holds it.
 */
class ConsoleRolesBrowserTest extends DemoConsole {
    private static final String NEW_ROLE = "#main form.new-role-form";
    private static final String EDIT_ROLE = "#main form.edit-role-form";
    private static final String NEW_USER = "#main form.new-user-form";

    @Test
    void anAdminCreatesAQualityRoleWhoseHolderReadsEveryTicketAndWorksNone() {
        browser.login("admin", "en").go("/admin/roles");
        browser.waitForText("#main h1", "Roles and permissions");
        String builtIn = browser.waitForText("#main tr[data-role='SUPERVISOR']", "Built in").getText();
        browser.click("#main button.new-role");
        browser.fill(NEW_ROLE, "name", "quality lead");
        browser.click(NEW_ROLE + " input[name=permission][value='ticket.read.all']");
        browser.click(NEW_ROLE + " input[name=permission][value='report.read']");
        browser.click(NEW_ROLE + " button[type=submit]");
        String nameError = browser.fieldError(NEW_ROLE, "name");
        browser.fill(NEW_ROLE, "name", "quality");
        browser.click(NEW_ROLE + " button[type=submit]");
        String role = browser.waitForText("#main tr[data-role='quality']", "ticket.read.all").getText();
        browser.screenshot("admin-roles-en");

        browser.go("/admin/users");
        browser.waitForText("#main h1", "Users and roles");
        browser.click("#main button.new-user");
        browser.fill(NEW_USER, "employeeId", "qa.zhao").fill(NEW_USER, "name", "赵琳 Zhao Lin")
                .fill(NEW_USER, "departmentId", "customer-service").fill(NEW_USER, "password", DemoData.PASSWORD);
        browser.click(NEW_USER + " input[name=role][value=AGENT]");
        browser.click(NEW_USER + " input[name=role][value=quality]");
        browser.click(NEW_USER + " button[type=submit]");
        String user = browser.waitForText("#main tr[data-employee-id='qa.zhao']", "quality").getText();
        browser.logout();
        browser.login("qa.zhao", "en");
        String menu = browser.waitForText("#nav", "Reports").getText();

        assertThat(builtIn).contains("Supervisor", "Built in", "ticket.assign");
        assertThat(nameError).contains("letters, digits, dashes or underscores");
        assertThat(role).contains("quality", "Defined here", "report.read, ticket.read.all");
        assertThat(user).contains("qa.zhao", "quality").doesNotContain("Agent");
        assertThat(menu).contains("Reports").doesNotContain("My queue", "Users");
        // What the holder may do, over HTTP: every ticket read, none worked.
        String inspector = server.login("qa.zhao");
        var seen = server.get("/api/v1/tickets?limit=200", inspector);
        var all = server.get("/api/v1/tickets?limit=200", server.login("admin"));
        assertThat(ids(seen.body())).isNotEmpty().containsExactlyElementsOf(ids(all.body()));
        for (String id : ids(seen.body())) {
            var ticket = server.get("/api/v1/tickets/" + id, inspector);
            assertThat(ticket.status()).isEqualTo(200);
            assertThat(server.post("/api/v1/tickets/" + id + "/progress", inspector, Map.of("action", "Checked",
                    "visibility", "INTERNAL", "version", ticket.version())).status()).isEqualTo(403);
        }
    }

    @Test
    void theConsoleShowsWhyTheAdminRoleCannotLoseUserAdminAndEditsAnotherRole() {
        browser.login("admin", "en").go("/admin/roles");
        browser.click("#main tr[data-role='ADMIN'] button.edit-role");
        browser.click(EDIT_ROLE + " input[name=permission][value='user.admin']");
        browser.click(EDIT_ROLE + " button[type=submit]");
        String refusal = browser.waitForText(EDIT_ROLE + " .form-errors", "user.admin").getText();
        browser.click(EDIT_ROLE + " button[type=button]");

        browser.click("#main tr[data-role='EXPERT'] button.edit-role");
        browser.click(EDIT_ROLE + " input[name=permission][value='report.read']");
        browser.click(EDIT_ROLE + " button[type=submit]");
        String expert = browser.waitForText("#main tr[data-role='EXPERT']", "report.read").getText();

        assertThat(refusal).contains("No active user would be left holding user.admin");
        assertThat(server.get("/api/v1/auth/session", server.login("expert")).body().at("/user/permissions")
                .toString()).contains("report.read");
        assertThat(expert).contains("Expert", "report.read");
    }

    @Test
    void theRolesViewReadsInChinese() {
        browser.login("admin", "zh-CN").go("/admin/roles");
        String title = browser.waitForText("#main h1", "角色与权限").getText();
        browser.click("#main button.new-role");
        String form = browser.find(NEW_ROLE).getText();
        browser.screenshot("admin-roles-zh-CN");

        assertThat(title).isEqualTo("角色与权限");
        assertThat(form).contains("新建角色", "权限", "ticket.read.all");
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
