package dev.rapport.server.demo;

import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.customer.Segment;
import dev.rapport.api.improvement.ImprovementState;
import dev.rapport.api.improvement.ImprovementUpdate;
import dev.rapport.api.improvement.NewImprovement;
import dev.rapport.api.improvement.RootCause;
import dev.rapport.api.improvement.VerifyImprovement;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.DepartmentId;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.security.Users;
import dev.rapport.api.ticket.AddProgress;
import dev.rapport.api.ticket.AssignTicket;
import dev.rapport.api.survey.SurveyAnswer;
import dev.rapport.api.ticket.CommunicationMethod;
import dev.rapport.api.ticket.ConfirmResolution;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.ticket.OpenTicket;
import dev.rapport.api.ticket.Opinion;
import dev.rapport.api.ticket.Priority;
import dev.rapport.api.ticket.ResolveTicket;
import dev.rapport.api.ticket.Visibility;
import dev.rapport.core.Rapport;
import dev.rapport.core.RapportBuilder;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Demo users (password {@value #PASSWORD}) and a few customers and tagged tickets in different states, created through
 * the public services like any host would: closed tickets with their follow-ups (three of them rated, one poorly),
 * three customers' Wi-Fi tickets making an open improvement suggestion, two improvements (one verified, one proposed),
 * and tickets the front-line agent filed, so that every view and report has something to show.
 *
 * <p>Every department has someone to work its tickets: agents and a supervisor in Customer Service, After-Sales and
 * Product (where complaints and change requests go), one member in each other department. README lists them.
 */
public final class DemoData {
    public static final String PASSWORD = "rapport-demo";
    /**
     * An Argon2id hash of {@link #PASSWORD} with the SDK hasher's parameters (which {@code DemoDataTest} checks), so
     * that seeding the demo spends no start-up time hashing a password everyone knows.
     */
    static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$0TMDY+H/2R7TUJJOdlrEKQ$"
            + "Nx7r3yuUU9axT+75+hRQbf+ozHzl0nNIS1mtfyPAMPc";

    private DemoData() {
    }

    /**
     * Gives {@code builder} the demo password's hash made ahead, so that {@link #seed} computes none: about 15 demo
     * users would otherwise cost an Argon2 hash each at start-up. Returns {@code builder}.
     */
    public static RapportBuilder prepare(RapportBuilder builder) {
        return builder.publishedPassword(PASSWORD, PASSWORD_HASH);
    }

    /**
     * Creates the demo users that are missing, and the sample customers and tickets when there are no customers yet.
     * Users that exist keep their passwords. Returns whether anything was created. Fast when {@code rapport} was built
     * from a builder {@linkplain #prepare prepared} for the demo.
     */
    public static boolean seed(Rapport rapport) {
        var system = Actor.system();
        var existing = new HashMap<String, User>();
        var page = rapport.users().list(system, PageRequest.first(PageRequest.MAX_LIMIT));
        page.items().forEach(u -> existing.put(u.employeeId(), u));
        while (page.nextCursor().isPresent()) {
            page = rapport.users().list(system, PageRequest.after(page.nextCursor().get(), PageRequest.MAX_LIMIT));
            page.items().forEach(u -> existing.put(u.employeeId(), u));
        }
        int before = existing.size();
        Users users = rapport.users();
        user(users, existing, "admin", "Admin", "customer-service", Role.ADMIN, Tier.FRONT_LINE);
        User supervisor = user(users, existing, "supervisor", "李强 Li Qiang", "customer-service", Role.SUPERVISOR,
                Tier.FRONT_LINE);
        User agent = user(users, existing, "agent", "王芳 Wang Fang", "customer-service", Role.AGENT, Tier.FRONT_LINE);
        user(users, existing, "agent2", "刘洋 Liu Yang", "customer-service", Role.AGENT, Tier.FRONT_LINE);
        user(users, existing, "aftersales", "孙丽 Sun Li", "after-sales", Role.AGENT, Tier.FRONT_LINE);
        user(users, existing, "aftersales2", "周涛 Zhou Tao", "after-sales", Role.AGENT, Tier.FRONT_LINE);
        user(users, existing, "aftersales-lead", "吴刚 Wu Gang", "after-sales", Role.SUPERVISOR, Tier.FRONT_LINE);
        user(users, existing, "product", "郑爽 Zheng Shuang", "product", Role.AGENT, Tier.FRONT_LINE);
        user(users, existing, "product2", "冯磊 Feng Lei", "product", Role.AGENT, Tier.FRONT_LINE);
        user(users, existing, "product-lead", "何静 He Jing", "product", Role.SUPERVISOR, Tier.FRONT_LINE);
        user(users, existing, "sales", "马超 Ma Chao", "sales", Role.AGENT, Tier.FRONT_LINE);
        user(users, existing, "finance", "高敏 Gao Min", "finance", Role.AGENT, Tier.FRONT_LINE);
        user(users, existing, "logistics", "林峰 Lin Feng", "logistics", Role.AGENT, Tier.FRONT_LINE);
        User expert = user(users, existing, "expert", "陈杰 Chen Jie", "technical-support", Role.EXPERT, Tier.EXPERT);
        User manager = user(users, existing, "manager", "赵敏 Zhao Min", "account-management", Role.ACCOUNT_MANAGER,
                Tier.ACCOUNT_MANAGER);
        boolean usersCreated = existing.size() > before;
        if (!rapport.customers().search(system, "", PageRequest.first(1)).items().isEmpty()) {
            return usersCreated;
        }

        var customers = rapport.customers();
        Customer yunzhan = customers.create(system, CustomerProfile.builder()
                .kind(CustomerKind.ORGANIZATION).name("杭州云栈科技有限公司").industry("Technology")
                .cooperationSince(LocalDate.of(2023, 3, 1)).source(CustomerSource.REFERRAL)
                .segment(Segment.HIGH_VALUE).maintenanceLevel(MaintenanceLevel.HIGH)
                .keyAccount(true).accountManagerId(manager.id()).tags(List.of("delivery time", "customisation"))
                .contractEnd(LocalDate.of(2027, 2, 28))
                .contact(ContactDraft.of("张伟", "13812345678", "zhang.wei@yunzhan.example"))
                .build());
        Customer northwind = customers.create(system, CustomerProfile.builder()
                .kind(CustomerKind.ORGANIZATION).name("Northwind Retail Ltd").industry("Retail")
                .cooperationSince(LocalDate.of(2024, 9, 15)).source(CustomerSource.WEB)
                .segment(Segment.RETURNING).maintenanceLevel(MaintenanceLevel.MEDIUM).tags(List.of("price"))
                .contact(ContactDraft.of("Anna Schmidt", "+4930123456789", "anna.schmidt@northwind.example"))
                .build());
        Customer lina = customers.create(system, CustomerProfile.builder()
                .kind(CustomerKind.PERSON).name("李娜").industry("Education").source(CustomerSource.PHONE)
                .contact(ContactDraft.of("李娜", "13900001111", null))
                .build());

        var tickets = rapport.tickets();
        var outage = tickets.open(system, OpenTicket.builder().customer(yunzhan.id()).type("COMPLAINT").urgent(true)
                .important(true).title("生产环境订单同步中断")
                .description("Since 09:00 no orders reach the warehouse system; every sync job fails.")
                .channel(IntakeChannel.PHONE).tag("order sync").build());

        var question = tickets.open(system, OpenTicket.builder().customer(northwind.id()).type("CONSULTATION")
                .priority(Priority.P4).title("Volume discount for 2027")
                .description("Anna asks which volume discount applies above 500 units per quarter.")
                .channel(IntakeChannel.EMAIL).tag("pricing").build());
        question = tickets.assign(system, question.id(), AssignTicket.to(agent.id(), question.version()));
        tickets.addProgress(system, question.id(), AddProgress.note(
                "Sent the 2027 price list; waiting for the quarterly volume forecast.", Visibility.CUSTOMER,
                question.version()));

        var printer = tickets.open(system, OpenTicket.builder().customer(lina.id()).type("AFTER_SALES_SUPPORT")
                .urgent(true).important(false).title("打印机无法连接 Wi-Fi")
                .description("The printer bought in October drops off the Wi-Fi every few minutes.")
                .channel(IntakeChannel.PHONE).tag("wi-fi").build());
        printer = tickets.assign(system, printer.id(), AssignTicket.to(expert.id(), printer.version()));
        printer = tickets.addProgress(system, printer.id(), AddProgress.note(
                "Called the customer and walked through a firmware update.", Visibility.CUSTOMER, printer.version()));
        tickets.resolve(system, printer.id(), new ResolveTicket(printer.version(),
                "Firmware 2.4.1 fixes the Wi-Fi power-saving bug; installed remotely.", CommunicationMethod.PHONE));

        // A customer whose closed tickets were rated (by phone), so that reports have survey data to show.
        Customer haichuan = customers.create(system, CustomerProfile.builder()
                .kind(CustomerKind.ORGANIZATION).name("深圳海川物流有限公司").industry("Logistics")
                .cooperationSince(LocalDate.of(2025, 5, 20)).source(CustomerSource.CAMPAIGN)
                .segment(Segment.RETURNING).maintenanceLevel(MaintenanceLevel.MEDIUM).tags(List.of("delivery time"))
                .contact(ContactDraft.of("周静", "13700002222", "zhou.jing@haichuan.example"))
                .build());
        closedAndRated(rapport, OpenTicket.builder().customer(haichuan.id()).type("CONSULTATION").priority(Priority.P4)
                .title("2027 年发票抬头变更").description("The invoices for 2027 go to the new head office.")
                .channel(IntakeChannel.EMAIL).build(), agent, "Updated the invoice address in the billing profile.",
                SurveyAnswer.of(5, 5, 5, 5, 10).withComment("处理很快，谢谢！"));
        closedAndRated(rapport, OpenTicket.builder().customer(haichuan.id()).type("AFTER_SALES_SUPPORT")
                .urgent(false).important(true).title("报表导出超时")
                .description("Exporting the monthly report times out after 60 seconds.")
                .channel(IntakeChannel.PHONE).build(), expert, "Raised the export timeout and added an index.",
                SurveyAnswer.of(4, 4, 5, 4, 8));
        closedAndRated(rapport, OpenTicket.builder().customer(haichuan.id()).type("COMPLAINT").urgent(true)
                .important(true).title("配送延误").description("The replacement scanner arrived five days late.")
                .channel(IntakeChannel.PHONE).build(), agent, "Refunded the shipping fee and changed the carrier.",
                SurveyAnswer.of(2, 3, 4, 2, 4).withComment("延误让我们一周无法盘点。"));
        // A closed ticket: its 3-7-30 follow-ups fall due as the demo clock moves on.
        var training = tickets.open(system, OpenTicket.builder().customer(yunzhan.id()).type("CONSULTATION")
                .priority(Priority.P4).title("新员工系统培训")
                .description("Four new warehouse staff need an introduction to order entry and returns.")
                .channel(IntakeChannel.EMAIL).build());
        training = tickets.assign(system, training.id(), AssignTicket.to(agent.id(), training.version()));
        training = tickets.addProgress(system, training.id(), AddProgress.note(
                "Scheduled a remote session for Thursday afternoon.", Visibility.CUSTOMER, training.version()));
        training = tickets.resolve(system, training.id(), new ResolveTicket(training.version(),
                "Held a two-hour remote training and shared the recording.", CommunicationMethod.EMAIL));
        tickets.confirm(system, training.id(), new ConfirmResolution(training.version(), Opinion.SATISFIED,
                Optional.of(CommunicationMethod.EMAIL), Optional.empty()));
        // Two more customers with the same Wi-Fi trouble: the third distinct customer suggests an improvement.
        Customer qinghe = customers.create(system, CustomerProfile.builder()
                .kind(CustomerKind.ORGANIZATION).name("青禾书店").industry("Retail").source(CustomerSource.WALK_IN)
                .contact(ContactDraft.of("周婷", "13700004444", "zhou.ting@qinghe.example"))
                .build());
        Customer chenMing = customers.create(system, CustomerProfile.builder()
                .kind(CustomerKind.PERSON).name("陈明").industry("Education").source(CustomerSource.PHONE)
                .contact(ContactDraft.of("陈明", "13600003333", null))
                .build());
        for (Customer customer : List.of(qinghe, chenMing)) {
            tickets.open(system, OpenTicket.builder().customer(customer.id()).type("AFTER_SALES_SUPPORT")
                    .urgent(true).important(false).title("打印机 Wi-Fi 频繁断开")
                    .description("The printer loses its Wi-Fi connection several times an hour.")
                    .channel(IntakeChannel.PHONE).tag("Wi-Fi").build());
        }

        // The front-line agent took these on the phone: they went to After-Sales and Product, and she still sees them.
        var atAgent = Actor.of(agent);
        tickets.open(atAgent, OpenTicket.builder().customer(qinghe.id()).type("COMPLAINT").urgent(false)
                .important(true).title("Damaged bookshelf units in the October delivery")
                .description("Six of the forty bookshelf units delivered on 28 October arrived with bent uprights.")
                .channel(IntakeChannel.PHONE).tag("delivery").build());
        tickets.open(atAgent, OpenTicket.builder().customer(qinghe.id()).type("CHANGE_REQUEST").priority(Priority.P4)
                .title("Export orders as CSV with the store code")
                .description("周婷 needs the store code as a column of the order export.")
                .channel(IntakeChannel.PHONE).build());

        var improvements = rapport.improvements();
        var vat = improvements.create(system, NewImprovement.builder()
                .problem("Invoices after the tax change still showed the old VAT rate")
                .rootCause(RootCause.PROCESS_GAP).measures("The VAT table is now updated from the tax bureau's feed, "
                        + "and a second person checks the first invoice run after every rate change.")
                .department(DepartmentId.of("finance")).owner(supervisor.id()).customer(yunzhan.id())
                .customer(northwind.id()).build());
        vat = improvements.update(system, vat.id(), ImprovementUpdate.of(vat.version())
                .state(ImprovementState.IN_PROGRESS).build());
        vat = improvements.update(system, vat.id(), ImprovementUpdate.of(vat.version())
                .state(ImprovementState.DONE).build());
        improvements.verify(system, vat.id(), new VerifyImprovement(4, Optional.of("No wrong invoice since."),
                Optional.of(yunzhan.id())));
        improvements.create(system, NewImprovement.builder()
                .problem("Order sync stops when the warehouse API times out")
                .rootCause(RootCause.PRODUCT_DEFECT).measures("Retry timed-out sync jobs and alert on the third failure.")
                .department(DepartmentId.of("technical-support")).owner(expert.id()).ticket(outage.id())
                .customer(yunzhan.id()).plannedDate(LocalDate.now(rapport.clock()).plusDays(14)).build());
        return true;
    }

    /**
     * Opens a ticket, takes it to closure and records the customer's survey answer, when a survey provider is
     * configured (closing creates the survey then).
     */
    private static void closedAndRated(Rapport rapport, OpenTicket request, User assignee, String solution,
                                       SurveyAnswer answer) {
        var system = Actor.system();
        var tickets = rapport.tickets();
        var ticket = tickets.open(system, request);
        ticket = tickets.assign(system, ticket.id(), new AssignTicket(ticket.version(), assignee.departmentId(),
                Optional.of(assignee.id())));
        ticket = tickets.addProgress(system, ticket.id(), AddProgress.note("Called the customer back.",
                Visibility.CUSTOMER, ticket.version()));
        ticket = tickets.resolve(system, ticket.id(), new ResolveTicket(ticket.version(), solution,
                CommunicationMethod.PHONE));
        ticket = tickets.confirm(system, ticket.id(), new ConfirmResolution(ticket.version(), Opinion.SATISFIED,
                Optional.of(CommunicationMethod.PHONE), Optional.empty()));
        rapport.surveys().ofTicket(system, ticket.id())
                .forEach(survey -> rapport.surveys().record(system, survey.id(), answer));
    }

    private static User user(Users users, Map<String, User> existing, String employeeId, String name,
                             String department, Role role, Tier tier) {
        return existing.computeIfAbsent(employeeId, id -> users.create(Actor.system(),
                new NewUser(id, name, DepartmentId.of(department), Set.of(role), tier, PASSWORD)));
    }
}
