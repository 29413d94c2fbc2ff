package dev.rapport.channel.webform;

import dev.rapport.api.error.FieldError;
import dev.rapport.api.spi.PluginConfigException;
import dev.rapport.api.spi.channel.InboundMessage;
import dev.rapport.api.spi.channel.InboundRequest;
import dev.rapport.api.spi.channel.PushChannel;
import dev.rapport.api.spi.channel.Received;
import dev.rapport.api.ticket.Correspondent;
import dev.rapport.testkit.TestPluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebFormChannelTest {
    private static final String FORM = """
            {"name":"李娜","email":"li.na@example.com","phone":"+86 139 1111 2222","subject":"订单问题",
             "message":"您好，我的订单 #123 还没到。\\n请帮忙查一下 😀"}""";
    private final WebFormChannelFactory factory = new WebFormChannelFactory();
    /** Without the proof of work, which {@link #aPostWithoutTheProofOfWorkOrWithTheHoneypotFilledIsRefused} covers. */
    private final TestPluginContext context = TestPluginContext.of(factory, Map.of("proof-bits", "0"));
    private final PushChannel channel = (PushChannel) context.create(factory);

    @AfterEach
    void close() {
        channel.close();
    }

    @Test
    void aPostWithoutTheProofOfWorkOrWithTheHoneypotFilledIsRefused() {
        var guarded = TestPluginContext.of(factory, Map.of());
        try (var form = (PushChannel) guarded.create(factory)) {
            LocalDate today = LocalDate.ofInstant(guarded.clock().instant(), ZoneOffset.UTC);
            String proof = WorkProof.find("Where is my parcel?", today, WebFormChannelFactory.DEFAULT_PROOF_BITS);
            String body = "{\"email\":\"li.na@example.com\",\"message\":\" Where is my parcel? \"%s}";

            var proven = form.receive(request(body.formatted(",\"proof\":\"" + proof + "\"")));
            var unproven = form.receive(request(body.formatted("")));
            var otherMessage = form.receive(request(body.replace("parcel", "order").formatted(",\"proof\":\"" + proof
                    + "\"")));
            var oldProof = form.receive(request(body.formatted(",\"proof\":\"" + WorkProof.find("Where is my parcel?",
                    today.minusDays(2), WebFormChannelFactory.DEFAULT_PROOF_BITS) + "\"")));
            var honeypot = form.receive(request(body.formatted(",\"proof\":\"" + proof
                    + "\",\"website\":\"http://spam.example\"")));

            assertThat(accepted(proven).body()).isEqualTo("Where is my parcel?");
            assertThat(fieldsOf(unproven)).containsExactly("proof");
            assertThat(fieldsOf(otherMessage)).containsExactly("proof");
            assertThat(fieldsOf(oldProof)).containsExactly("proof");
            assertThat(fieldsOf(honeypot)).containsExactly("website");
        }
    }

    @Test
    void theProofOfWorkIsZeroTo24Bits() {
        assertThatThrownBy(() -> TestPluginContext.of(factory, Map.of("proof-bits", "25")).create(factory))
                .isInstanceOf(PluginConfigException.class).hasMessageContaining("proof-bits");
        assertThatThrownBy(() -> TestPluginContext.of(factory, Map.of("proof-bits", "-1")).create(factory))
                .isInstanceOf(PluginConfigException.class).hasMessageContaining("proof-bits");
    }

    @Test
    void aFormBecomesACustomersMessageAsSentThenAndThere() {
        InboundMessage message = accepted(FORM);

        assertThat(message.from()).isEqualTo(new Correspondent(Optional.of("李娜"), Optional.of("li.na@example.com"),
                Optional.of("+86 139 1111 2222"), Optional.empty()));
        assertThat(message.subject()).contains("订单问题");
        assertThat(message.body()).isEqualTo("您好，我的订单 #123 还没到。\n请帮忙查一下 😀");
        assertThat(message.references()).isEmpty();
        assertThat(message.threadKey()).isEmpty();
        assertThat(message.sentAt()).isEqualTo(TestPluginContext.START);
        assertThat(message.messageId()).matches("form:[0-9a-f]{64}");
    }

    @Test
    void chineseTextRoundTripsUnchanged() {
        String text = "退款申请：订单 №２０２６-０３ 的发票抬头写错了，应为「上海星河贸易有限公司」。谢谢！𠮷野家";

        InboundMessage message = accepted("{\"email\":\"刘洋@星河.中国\",\"subject\":\"发票问题\",\"message\":\"" + text + "\"}");

        assertThat(message.body()).isEqualTo(text);
        assertThat(message.subject()).contains("发票问题");
        assertThat(message.from().email()).contains("刘洋@星河.中国");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        String form = """
                {"name":"%s","email":"li.na at example.com","phone":"139-CALL-ME","subject":"%s","message":"   "}"""
                .formatted("名".repeat(101), "s".repeat(201));

        assertThat(fieldsOf(receive(form))).containsExactlyInAnyOrder("name", "email", "phone", "subject", "message");
    }

    @Test
    void anEmailAddressOrAPhoneNumberIsRequiredAndTheErrorIsOnEmail() {
        assertThat(errorsOf(receive("{\"name\":\"李娜\",\"message\":\"你好\"}"))).singleElement()
                .isEqualTo(FieldError.of("email", "an e-mail address or a phone number is required"));

        assertThat(accepted("{\"phone\":\"13911112222\",\"message\":\"你好\"}").from().phone()).contains("13911112222");
        assertThat(accepted("{\"email\":\"li.na@example.com\",\"message\":\"你好\"}").from().email())
                .contains("li.na@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13911112222", "+86 139 1111 2222", "(021) 6234-5678", "123456", "+1 (555) 010-9999",
            "12345678901234567890"})
    void aPhoneNumberIsSixToTwentyDigitsWithSpacesDashesParenthesesAndALeadingPlus(String phone) {
        assertThat(accepted("{\"phone\":\"" + phone + "\",\"message\":\"你好\"}").from().phone()).contains(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "123456789012345678901", "139.1111.2222", "139+1111+2222", "１３９１１１１２２２２",
            "call me", "+", "139 1111 2222 ext 5"})
    void anythingElseIsNoPhoneNumber(String phone) {
        assertThat(fieldsOf(receive("{\"phone\":\"" + phone + "\",\"message\":\"你好\"}"))).containsExactly("phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"li.na", "li.na@", "@example.com", "li.na@example", "li na@example.com",
            "li.na@@example.com"})
    void anEmailAddressNeedsALocalPartAndADomainWithADot(String email) {
        assertThat(fieldsOf(receive("{\"email\":\"" + email + "\",\"message\":\"你好\"}"))).containsExactly("email");
    }

    @Test
    void textsAreStrippedAndBlankOnesAreAbsent() {
        InboundMessage message = accepted("""
                {"name":"  李娜 ","email":" li.na@example.com\\t","phone":"  ","subject":" ","message":"\\n 你好 \\n"}""");

        assertThat(message.from().name()).contains("李娜");
        assertThat(message.from().email()).contains("li.na@example.com");
        assertThat(message.from().phone()).isEmpty();
        assertThat(message.subject()).isEmpty();
        assertThat(message.body()).isEqualTo("你好");
    }

    @Test
    void unknownFieldsAreIgnoredAndNullsAreAbsent() {
        InboundMessage message = accepted("""
                {"email":"li.na@example.com","message":"你好","name":null,"captcha":{"token":"x"},"tags":[1,2]}""");

        assertThat(message.from().name()).isEmpty();
        assertThat(message.body()).isEqualTo("你好");
    }

    @Test
    void aFieldThatIsNoStringIsNamed() {
        assertThat(errorsOf(receive("{\"phone\":13911112222,\"subject\":[\"a\"],\"message\":{\"text\":\"你好\"}}")))
                .extracting(FieldError::field, FieldError::message)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("phone", "must be a string"),
                        org.assertj.core.groups.Tuple.tuple("subject", "must be a string"),
                        org.assertj.core.groups.Tuple.tuple("message", "must be a string"));
    }

    @Test
    void theMessageMayHaveLinesButNoOtherControlCharactersAndTheOtherFieldsOneLine() {
        assertThat(accepted("{\"email\":\"li.na@example.com\",\"message\":\"一\\r\\n二\\t三\"}").body())
                .isEqualTo("一\r\n二\t三");

        assertThat(fieldsOf(receive("""
                {"name":"李\\n娜","email":"li.na@example.com","subject":"订单\\r\\nBcc: x@example.com",
                 "message":"你好\\u0000"}"""))).containsExactlyInAnyOrder("name", "subject", "message");
        assertThat(fieldsOf(receive("{\"email\":\"li.na@example.com\",\"message\":\"broken \\ud800 pair\"}")))
                .containsExactly("message");
    }

    @Test
    void theMessagesLengthIsConfiguredAndCountedInCharactersNotBytes() {
        var shortForms = TestPluginContext.of(factory, Map.of("max-message-chars", "20", "proof-bits", "0"));
        try (var limited = (PushChannel) shortForms.create(factory)) {
            String twenty = "好".repeat(19) + "😀";

            assertThat(limited.receive(request("{\"phone\":\"13911112222\",\"message\":\"" + twenty + "\"}")))
                    .isInstanceOf(Received.Accepted.class);
            assertThat(errorsOf(limited.receive(request("{\"phone\":\"13911112222\",\"message\":\"" + twenty + "!\"}"))))
                    .containsExactly(FieldError.of("message", "must be at most 20 characters"));
        }
        assertThat(errorsOf(receive("{\"phone\":\"13911112222\",\"message\":\"" + "x".repeat(10_001) + "\"}")))
                .extracting(FieldError::field).containsExactly("message");
        assertThat(accepted("{\"phone\":\"13911112222\",\"message\":\"" + "x".repeat(10_000) + "\"}").body())
                .hasSize(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[{\"message\":\"你好\"}]", "\"你好\"", "null", "42",
            "{\"email\":\"li.na@example.com\",\"message\":\"你好\"} {}", "{\"message\":\"你好\"",
            "{\"email\":\"li.na@example.com\",\"message\":\"你好\",\"message\":\"再见\"}"})
    void aBodyThatIsNoFormIsNamedAsTheBody(String body) {
        assertThat(errorsOf(receive(body))).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void aBodyThatIsNoUtf8IsNamedAsTheBody() {
        byte[] latin1 = "{\"email\":\"li.na@example.com\",\"message\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(errorsOf(channel.receive(new InboundRequest("203.0.113.7", Map.of(), latin1))))
                .extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void theSameFormTwiceOnOneDayIsOneMessageWhateverItsSpacingCaseOrName() {
        String first = accepted(FORM).messageId();

        assertThat(accepted(FORM).messageId()).isEqualTo(first);
        assertThat(accepted("""
                {"name":"Li Na","email":"Li.Na@Example.COM ","phone":"+8613911112222","subject":" 订单问题",
                 "message":"您好，我的订单 #123 还没到。 请帮忙查一下  😀"}""").messageId()).isEqualTo(first);

        context.clock().advance(Duration.ofHours(22));
        assertThat(accepted(FORM).messageId()).as("at 23:00 UTC").isEqualTo(first);
        context.clock().advance(Duration.ofHours(1));
        assertThat(accepted(FORM).messageId()).as("the same form sent again the next day (UTC)").isNotEqualTo(first);
    }

    @Test
    void aDifferentSenderSubjectOrMessageIsAnotherMessage() {
        String first = accepted(FORM).messageId();

        assertThat(List.of(FORM.replace("li.na@", "liu.yang@"), FORM.replace("1111", "1112"),
                FORM.replace("订单问题", "发票问题"), FORM.replace("#123", "#124")))
                .extracting(form -> accepted(form).messageId()).doesNotHaveDuplicates().doesNotContain(first);
    }

    @Test
    void anIdempotencyKeyIsTheMessageIdWhateverTheFormSays() {
        var headers = Map.of("idempotency-key", List.of("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
        InboundMessage message = accepted(channel.receive(new InboundRequest("203.0.113.7", headers, bytes(FORM))));
        InboundMessage edited = accepted(channel.receive(new InboundRequest("198.51.100.4",
                Map.of("Idempotency-Key", List.of(" 7c9e6679-7425-40de-944b-e07fc1f90ae7 ")),
                bytes(FORM.replace("#123", "#124")))));
        InboundMessage another = accepted(channel.receive(new InboundRequest("203.0.113.7",
                Map.of("Idempotency-Key", List.of("f47ac10b-58cc-4372-a567-0e02b2c3d479")), bytes(FORM))));

        assertThat(message.messageId()).isEqualTo("key:7c9e6679-7425-40de-944b-e07fc1f90ae7")
                .isEqualTo(edited.messageId()).isNotEqualTo(another.messageId());
    }

    @Test
    void anUnfitIdempotencyKeyIsNamedWithTheFormsOwnErrors() {
        var request = new InboundRequest("203.0.113.7",
                Map.of("Idempotency-Key", List.of("a key with spaces")), bytes("{\"message\":\"你好\"}"));

        assertThat(fieldsOf(channel.receive(request))).containsExactlyInAnyOrder("Idempotency-Key", "email");
        assertThat(MessageIds.isFitKey("k".repeat(255))).isTrue();
        assertThat(MessageIds.isFitKey("k".repeat(256))).isFalse();
        assertThat(MessageIds.isFitKey("键")).isFalse();
    }

    @Test
    void aMaximumThatIsNoPositiveWholeNumberIsRefusedByName() {
        for (String value : List.of("0", "-5", "lots")) {
            assertThatThrownBy(() -> TestPluginContext.of(factory, Map.of("max-message-chars", value)).create(factory))
                    .as(value).isInstanceOf(PluginConfigException.class).hasMessageContaining("max-message-chars");
        }
    }

    @Test
    void itsNameSaysItsLimitAndNothingOfWhatItReceived() {
        accepted(FORM);

        assertThat(channel.toString()).isEqualTo("WebFormChannel[max-message-chars=10000, proof-bits=0]");
    }

    private Received receive(String body) {
        return channel.receive(request(body));
    }

    private InboundMessage accepted(String body) {
        return accepted(receive(body));
    }

    private static InboundMessage accepted(Received received) {
        assertThat(received).isInstanceOf(Received.Accepted.class);
        return ((Received.Accepted) received).message();
    }

    private static List<FieldError> errorsOf(Received received) {
        assertThat(received).isInstanceOf(Received.Invalid.class);
        return ((Received.Invalid) received).errors();
    }

    private static List<String> fieldsOf(Received received) {
        return errorsOf(received).stream().map(FieldError::field).toList();
    }

    private static InboundRequest request(String body) {
        return new InboundRequest("203.0.113.7", Map.of(), bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
