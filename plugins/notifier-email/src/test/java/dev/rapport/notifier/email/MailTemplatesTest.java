package dev.rapport.notifier.email;

import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.event.DomainEvent;
import dev.rapport.api.event.ImprovementSuggested;
import dev.rapport.api.improvement.SuggestionId;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.notify.Notification;
import dev.rapport.api.ticket.TicketId;
import dev.rapport.testkit.SampleNotifications;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {
    private final MailTemplates templates = new MailTemplates(ZoneId.of("Asia/Shanghai"));

    @Test
    void everySampleRendersCompletelyInBothLanguages() {
        for (Notification notification : SampleNotifications.all()) {
            for (Locale locale : new Locale[]{Locale.forLanguageTag("zh-CN"), Locale.ENGLISH}) {
                var text = templates.render(notification.event(), "李娜", locale);

                assertThat(text.subject()).as(notification.event().eventType() + " " + locale)
                        .startsWith("[Rapport] ").doesNotContain("{").doesNotContain("\n");
                assertThat(text.body()).as(notification.event().eventType() + " " + locale)
                        .contains("李娜").doesNotContain("{3}").endsWith("Rapport");
            }
        }
    }

    @Test
    void aSlaWarningInChineseNamesTheTargetAndTheDeadlineInShanghaiTime() {
        var text = templates.render(SampleNotifications.slaWarning().event(), "李娜", Locale.forLanguageTag("zh-CN"));

        assertThat(text.subject()).isEqualTo("[Rapport] 工单 T202603020001 的首次响应时限将至（2026-03-02 09:30 +08:00）");
        assertThat(text.body()).isEqualTo("李娜，您好：\n\n工单 T202603020001 的首次响应时限为 2026-03-02 09:30 +08:00，"
                + "已用去 80% 的时间。\n\n—— Rapport");
        assertThat(text.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aBreachInEnglishHasItsOwnTemplate() {
        var text = templates.render(SampleNotifications.slaBreach().event(), "Sam Taylor", Locale.ENGLISH);

        assertThat(text.subject()).isEqualTo("[Rapport] Ticket T202603020001: first response deadline missed");
        assertThat(text.body()).contains("Hello Sam Taylor,").contains("missed its first response deadline of 2026-03-02 09:30 +08:00");
    }

    @Test
    void anEscalationExplainsItselfAndFreeTextIsKeptAsWritten() {
        var zh = templates.render(SampleNotifications.ticketEscalated().event(), "王强", Locale.forLanguageTag("zh-CN"));
        var en = templates.render(SampleNotifications.collaborationRequested().event(), "Sam", Locale.ENGLISH);

        assertThat(zh.subject()).isEqualTo("[Rapport] 工单 t-0001 已升级至专家");
        assertThat(zh.body()).contains("由一线升级至专家").contains("原因：" + SampleNotifications.AWKWARD_TEXT);
        assertThat(en.body()).contains("department d-finance is asked for help with ticket t-0001:\n\n"
                + SampleNotifications.AWKWARD_TEXT);
    }

    @Test
    void aFollowUpFallingDueNamesItsKindAndItsTimeInBothLanguages() {
        var event = SampleNotifications.followUpDue().event();

        var zh = templates.render(event, "李娜", Locale.forLanguageTag("zh-CN"));
        var en = templates.render(event, "Li Na", Locale.ENGLISH);

        assertThat(zh.subject()).isEqualTo("[Rapport] 回访到期：结案后满意度回访");
        assertThat(zh.body()).contains("回访 f-0001（结案后满意度回访）应于 2026-03-05 09:00 +08:00 进行");
        assertThat(en.subject()).isEqualTo("[Rapport] Follow-up due: satisfaction check after closure");
        assertThat(en.body()).startsWith("Hello Li Na,").contains("is due at 2026-03-05 09:00 +08:00")
                .endsWith("Rapport");
    }

    @Test
    void eventsWithoutATemplateOfTheirOwnGetTheDefaultWithTheEventsLabel() {
        var event = SampleNotifications.ticketClosed().event();

        assertThat(templates.render(event, "团队", Locale.forLanguageTag("zh-CN")).subject()).isEqualTo("[Rapport] 工单已关闭：t-0001");
        assertThat(templates.render(event, "team", Locale.ENGLISH).subject()).isEqualTo("[Rapport] Ticket closed: t-0001");
    }

    @Test
    void anImprovementSuggestionNamesTheTypeTheTagAndHowManyCustomersRaisedIt() {
        var event = new ImprovementSuggested(SuggestionId.of("s-0001"), "COMPLAINT", "发票", DepartmentId.of("d-support"),
                List.of(CustomerId.of("c-1"), CustomerId.of("c-2"), CustomerId.of("c-3")),
                List.of(TicketId.of("t-1"), TicketId.of("t-2"), TicketId.of("t-3"), TicketId.of("t-4")),
                List.of(UserId.of("u-supervisor-sam")), TestPluginContext.START, UserId.of("u-agent-li"));

        var en = templates.render(event, "Sam", Locale.ENGLISH);
        var zh = templates.render(event, "李娜", Locale.forLanguageTag("zh-CN"));

        assertThat(en.subject()).isEqualTo("[Rapport] Improvement suggested: COMPLAINT tickets tagged \"发票\"");
        assertThat(en.body()).contains("3 customers raised 4 COMPLAINT tickets tagged \"发票\"")
                .contains("department d-support").contains("suggestion s-0001");
        assertThat(zh.subject()).isEqualTo("[Rapport] 建议改进：标签为“发票”的COMPLAINT工单");
        assertThat(zh.body()).contains("3 位客户提交了 4 张标签为“发票”的COMPLAINT工单");
    }

    @Test
    void everyEventHasALabelInBothLanguages() {
        for (Locale locale : new Locale[]{Locale.forLanguageTag("zh-CN"), Locale.ENGLISH}) {
            var messages = ResourceBundle.getBundle("dev.rapport.notifier.email.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (var type : DomainEvent.class.getPermittedSubclasses()) {
                assertThat(messages.containsKey("event." + type.getSimpleName()))
                        .as(type.getSimpleName() + " in " + locale).isTrue();
            }
        }
    }

    @Test
    void languagesOtherThanChineseGetEnglishAndAnyChineseGetsSimplifiedChinese() {
        var event = SampleNotifications.ticketAssigned().event();

        assertThat(templates.render(event, "x", Locale.GERMAN).locale()).isEqualTo(Locale.ENGLISH);
        assertThat(templates.render(event, "x", Locale.forLanguageTag("zh-TW")).subject()).isEqualTo("[Rapport] 工单 t-0001 已分派");
    }
}
