package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Customer;
import dev.rapport.api.spi.storage.CustomerMatch;
import dev.rapport.api.spi.storage.CustomerMatch.Tier;
import dev.rapport.api.spi.storage.CustomerNames;
import dev.rapport.api.spi.storage.CustomerSearch;
import dev.rapport.storage.jdbc.search.SearchText;
import dev.rapport.storage.jdbc.testing.StorageTest;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.rapport.storage.jdbc.CustomerBuilder.aCustomer;
import static dev.rapport.storage.jdbc.Fixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The search contract of CustomerStore, with the same expectations on H2 and on PostgreSQL. */
class JdbcCustomerSearchTest {
    @StorageTest
    void theExactCodeComesFirstThenTheNameAsWrittenThenContactsThenTyposBestFirstShorterNamesBeforeLonger(TestDatabase db) {
        var inTheMiddle = aCustomer().withCode("C2026000001").withName("Big Acme Stores").build();
        var longer = aCustomer().withCode("C2026000002").withName("Acme Trading").build();
        var exactName = aCustomer().withCode("C2026000003").withName("ACME").build();
        var byContact = aCustomer().withCode("C2026000004").withName("Zenith")
                .withContact(aContact("Acme Desk", "13812345678", null)).build();
        var closeTypo = aCustomer().withCode("C2026000005").withName("Acme Tradng").build();
        var fartherTypo = aCustomer().withCode("C2026000006").withName("Acmee Tradng").build();
        var oneWordOnly = aCustomer().withCode("C2026000007").withName("Apex Trading").build();
        var codeIsTheQuery = aCustomer().withCode("ACME TRADING").withName("Zenith Ltd").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, inTheMiddle, longer, exactName, byContact, closeTypo, fartherTypo, oneWordOnly,
                    codeIsTheQuery);

            var matches = search(storage, "acme trading", false);

            assertThat(matches).extracting(CustomerMatch::customer)
                    .containsExactly(codeIsTheQuery, longer, closeTypo, fartherTypo);
            assertThat(matches).extracting(m -> m.rank().tier())
                    .containsExactly(Tier.CODE, Tier.NAME, Tier.SIMILAR, Tier.SIMILAR);
            assertThat(matches.get(2).rank().score()).isGreaterThan(matches.get(3).rank().score()).isLessThan(1.0);
            assertThat(matches).extracting(CustomerMatch::customer).as("every word must match, with typos")
                    .doesNotContain(oneWordOnly);
            assertThat(customers(storage, "acme", false))
                    .as("a code containing the query counts as written, like the name")
                    .containsExactly(exactName, codeIsTheQuery, closeTypo, longer, fartherTypo, inTheMiddle, byContact);
        }
    }

    @StorageTest
    void aLetterWrongMissingOrAddedStillFindsTheCustomer(TestDatabase db) {
        var northwind = aCustomer().withName("Northwind Retail Ltd").build();
        var brightstone = aCustomer().withName("Brightstone Logistics").build();
        var schmidt = aCustomer().withName("Acme").withContact(aContact("Anna Schmidt", "13812345678", null)).build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, northwind, brightstone, schmidt);

            assertThat(customers(storage, "Nortwind", false)).containsExactly(northwind);
            assertThat(customers(storage, "Northwnid", false)).containsExactly(northwind);
            assertThat(customers(storage, "Brightstome", false)).containsExactly(brightstone);
            assertThat(customers(storage, "brightsstone logistic", false)).containsExactly(brightstone);
            assertThat(customers(storage, "Anna Schmdt", false)).containsExactly(schmidt);
            assertThat(customers(storage, "Nrthwind", false)).containsExactly(northwind);
        }
    }

    @StorageTest
    void inAWordOfFourLettersOrMoreTwoLettersSwappedOrOneMissingExtraOrWrongStillFindTheCustomer(TestDatabase db) {
        var brightway = aCustomer().withName("Brightway Machinery").build();
        var zeta = aCustomer().withName("Zeta Foods").build();
        var abc = aCustomer().withName("Abc Tools").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, brightway, zeta, abc);

            assertThat(customers(storage, "Brigthway", false)).as("swapped").containsExactly(brightway);
            assertThat(customers(storage, "Brightwy", false)).as("missing").containsExactly(brightway);
            assertThat(customers(storage, "Brightwaay", false)).as("extra").containsExactly(brightway);
            assertThat(customers(storage, "Brightwey", false)).as("wrong").containsExactly(brightway);
            assertThat(customers(storage, "Bkightway machinrey", false)).as("in every word").containsExactly(brightway);
            assertThat(customers(storage, "Zeat", false)).as("four letters, swapped").containsExactly(zeta);
            assertThat(customers(storage, "Zxta", false)).as("four letters, wrong").containsExactly(zeta);
            assertThat(customers(storage, "Abcd", false)).as("a stored word of three, one added").containsExactly(abc);
            assertThat(customers(storage, "Abd", false)).as("under four letters, as written only").isEmpty();
            assertThat(customers(storage, "Brgihtwya", false)).as("two edits").isEmpty();
        }
    }

    @StorageTest
    void aMatchAsWrittenRanksBeforeATypoMatch(TestDatabase db) {
        var acme = aCustomer().withCode("C2026000001").withName("Acme Trading").build();
        var acne = aCustomer().withCode("C2026000002").withName("Acne Studio Trading Group").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, acme, acne);

            var matches = search(storage, "acne", false);

            assertThat(matches).extracting(CustomerMatch::customer).containsExactly(acne, acme);
            assertThat(matches).extracting(m -> m.rank().tier()).containsExactly(Tier.NAME, Tier.SIMILAR);
        }
    }

    @StorageTest
    void readingsFindTheCustomerWithoutSpacesOrCaseAfterTheMatchesAsWritten(TestDatabase db) {
        var xinghe = aCustomer().withCode("C2026000002").withName("上海星河贸易有限公司").build();
        var bank = aCustomer().withCode("C2026000003").withName("星河银行").build();
        var spelled = aCustomer().withCode("C2026000001").withName("Xinghe Tours").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, xinghe, bank, spelled);
            storage.run(tx -> {
                tx.customers().indexReadings(xinghe.id(), List.of("xinghe", "xh", "shxh", "shanghai"));
                tx.customers().indexReadings(bank.id(), List.of("xinghe", "xh", "yinhang", "yinxing"));
            });

            assertThat(search(storage, "xinghe", false)).extracting(CustomerMatch::customer, m -> m.rank().tier())
                    .as("as written first, then readings by name length")
                    .containsExactly(tuple(spelled, Tier.NAME), tuple(bank, Tier.PINYIN), tuple(xinghe, Tier.PINYIN));
            assertThat(customers(storage, "Xing He", false)).as("two words, not as written in Xinghe")
                    .containsExactly(bank, xinghe);
            assertThat(customers(storage, "XH", false)).containsExactly(bank, xinghe);
            assertThat(customers(storage, "shxh", false)).containsExactly(xinghe);
            assertThat(customers(storage, "yinxing", false)).containsExactly(bank);
            assertThat(customers(storage, "xingh", false)).as("a reading is matched whole; the Latin name as written")
                    .containsExactly(spelled);
        }
    }

    @StorageTest
    void readingsAreReplacedWholeAndOutliveChangesThatKeepTheName(TestDatabase db) {
        var customer = aCustomer().withName("星河物流").build();
        var retagged = CustomerBuilder.from(customer).withVersion(2).build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, customer);
            assertThat(storage.<List<CustomerNames>>get(tx -> tx.customers().lackingReadings(10)))
                    .containsExactly(new CustomerNames(customer.id(), "星河物流", List.of()));

            storage.run(tx -> tx.customers().indexReadings(customer.id(), List.of("xinghe", "xhwl")));
            storage.run(tx -> tx.customers().update(retagged, 1));
            assertThat(customers(storage, "xhwl", false)).containsExactly(retagged);

            storage.run(tx -> tx.customers().indexReadings(customer.id(), List.of("xinghewuliu")));
            assertThat(customers(storage, "xhwl", false)).isEmpty();
            assertThat(customers(storage, "xinghewuliu", false)).containsExactly(retagged);
            assertThat(storage.<List<CustomerNames>>get(tx -> tx.customers().lackingReadings(10))).isEmpty();
        }
    }

    @StorageTest
    void readingsSharedByManyPageInOrderWithoutRepeats(TestDatabase db) {
        var customers = IntStream.range(0, 12)
                .mapToObj(i -> aCustomer().withCode("C2026%06d".formatted(100 - i))
                        .withName("星河" + "贸".repeat(i % 4) + "公司").build())
                .toList();
        try (var storage = TestStorage.on(db)) {
            insert(storage, customers.toArray(Customer[]::new));
            storage.run(tx -> customers.forEach(c -> tx.customers().indexReadings(c.id(), List.of("xh"))));

            var paged = new ArrayList<CustomerMatch>();
            Optional<CustomerMatch.Rank> after = Optional.empty();
            do {
                var search = new CustomerSearch("xh", false, after, 5);
                var page = storage.get(tx -> tx.customers().search(search));
                paged.addAll(page);
                after = page.size() < 5 ? Optional.empty() : Optional.of(page.getLast().rank());
            } while (after.isPresent());

            assertThat(paged).extracting(CustomerMatch::customer).containsExactlyInAnyOrderElementsOf(customers);
            assertThat(paged).extracting(m -> m.rank().nameLength() * 100_000L
                    + Long.parseLong(m.customer().code().substring(5))).isSorted();
        }
    }

    @StorageTest
    void aWordOfThousandsOfNamesListsThemFromTheIndexInTheSameOrderAndPages(TestDatabase db) {
        int count = CustomerSearchQuery.COMMON + 20;
        var customers = IntStream.range(0, count)
                .mapToObj(i -> aCustomer().withCode("C2026%06d".formatted(count - i))
                        .withName("上海" + "x".repeat(i % 5) + " Shop Ltd").build())
                .toList();
        var rare = aCustomer().withCode("C2026999999").withName("上海 Nine Ltd").build();
        try (var storage = TestStorage.on(db)) {
            for (int from = 0; from < count; from += 200) {
                insert(storage, customers.subList(from, Math.min(count, from + 200)).toArray(Customer[]::new));
            }
            insert(storage, rare);

            var first = search(storage, "Ltd", false);
            var second = storage.get(tx -> tx.customers().search(
                    new CustomerSearch("Ltd", false, Optional.of(first.getLast().rank()), 50)));

            var expected = new ArrayList<>(customers);
            expected.add(rare);
            expected.sort(java.util.Comparator.<Customer>comparingInt(c -> SearchText.of(c.name()).column().length())
                    .thenComparing(Customer::code));
            assertThat(first).allMatch(m -> m.rank().tier() == Tier.NAME);
            assertThat(first).extracting(CustomerMatch::customer).containsExactlyElementsOf(expected.subList(0, 50));
            assertThat(second).extracting(CustomerMatch::customer).containsExactlyElementsOf(expected.subList(50, 100));
            assertThat(customers(storage, "上海 nine", false)).as("a rare word with a common one").containsExactly(rare);
            assertThat(customers(storage, "上海", false)).hasSize(50).allMatch(c -> c.name().startsWith("上海"));
        }
    }

    @StorageTest
    void aPartOfAWordFindsTheCustomer(TestDatabase db) {
        var northwind = aCustomer().withName("Northwind Retail Ltd").build();
        var other = aCustomer().withName("Southern Winds").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, northwind, other);

            assertThat(customers(storage, "thwin", false)).containsExactly(northwind);
            assertThat(customers(storage, "north", false)).containsExactly(northwind);
            assertThat(customers(storage, "tail lt", false)).containsExactly(northwind);
        }
    }

    @StorageTest
    void anyRunOfChineseCharactersFindsTheCustomerDownToOneCharacter(TestDatabase db) {
        var xinghe = aCustomer().withName("上海星河贸易有限公司").build();
        var yunzhan = aCustomer().withName("杭州云栈科技有限公司").withContact(aContact("张伟", "13812345678", null)).build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, xinghe, yunzhan);

            assertThat(customers(storage, "星河", false)).containsExactly(xinghe);
            assertThat(customers(storage, "星河贸易", false)).containsExactly(xinghe);
            assertThat(customers(storage, "星", false)).containsExactly(xinghe);
            assertThat(customers(storage, "贸", false)).containsExactly(xinghe);
            assertThat(customers(storage, "张伟", false)).containsExactly(yunzhan);
            assertThat(customers(storage, "有限公司", false)).containsExactlyInAnyOrder(xinghe, yunzhan);
            assertThat(customers(storage, "海河", false)).as("characters that are not adjacent").isEmpty();
        }
    }

    @StorageTest
    void caseAccentsAndFullWidthLettersDoNotMatter(TestDatabase db) {
        var cafe = aCustomer().withName("Café Müller GmbH").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, cafe);

            assertThat(customers(storage, "CAFE MULLER", false)).containsExactly(cafe);
            assertThat(customers(storage, "ｍüｌｌｅｒ", false)).containsExactly(cafe);
        }
    }

    @StorageTest
    void shortQueriesFindWordsStartingWithThem(TestDatabase db) {
        var hp = aCustomer().withName("HP Inc").build();
        var shop = aCustomer().withName("Shop Hpx").build();
        var other = aCustomer().withName("Chippers").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, hp, shop, other);

            assertThat(customers(storage, "hp", false)).containsExactlyInAnyOrder(hp, shop);
        }
    }

    @StorageTest
    void aPartOfTheCodeFindsTheCustomer(TestDatabase db) {
        var wanted = aCustomer().withCode("C2026000123").withName("Zenith").build();
        var other = aCustomer().withCode("C2026000456").withName("Apex").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, wanted, other);

            assertThat(customers(storage, "000123", false)).containsExactly(wanted);
            assertThat(customers(storage, "c2026000123", false)).containsExactly(wanted);
        }
    }

    @StorageTest
    void equalScoresAreOrderedByCodeAndPagesNeitherRepeatNorSkip(TestDatabase db) {
        var shops = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> aCustomer().withCode("C20260000" + (20 - i)).withName("Shop " + i).build())
                .toList();
        var better = aCustomer().withCode("C2026000099").withName("shop").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, shops.toArray(Customer[]::new));
            insert(storage, better);

            var all = search(storage, "shop", false);
            var paged = new ArrayList<CustomerMatch>();
            Optional<CustomerMatch.Rank> after = Optional.empty();
            do {
                var search = new CustomerSearch("shop", false, after, 3);
                var page = storage.get(tx -> tx.customers().search(search));
                paged.addAll(page);
                after = page.size() < 3 ? Optional.empty() : Optional.of(page.getLast().rank());
            } while (after.isPresent());

            assertThat(all.getFirst().customer()).isEqualTo(better);
            assertThat(all.subList(1, all.size())).extracting(m -> m.customer().code()).isSorted();
            assertThat(paged).isEqualTo(all).hasSize(8);
        }
    }

    @StorageTest
    void phonesAndEmailsMatchAsWrittenOnlyWithPersonalData(TestDatabase db) {
        var byPhone = aCustomer().withName("Sun Trading").withContact(aContact("Sun Li", "+8613812345678", null)).build();
        var byEmail = aCustomer().withName("Ma Foods").withContact(aContact("Ma Lin", null, "Orders@Acme.example")).build();
        var noMatch = aCustomer().withName("Hu Labs").withContact(aContact("Hu Jun", "13900000000", "hu@example.com")).build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, byPhone, byEmail, noMatch);

            assertThat(customers(storage, "1234 5678", true)).containsExactly(byPhone);
            assertThat(customers(storage, "+86 138-1234", true)).containsExactly(byPhone);
            assertThat(customers(storage, "orders@acme", true)).containsExactly(byEmail);
            assertThat(customers(storage, "1234 5678", false)).isEmpty();
            assertThat(customers(storage, "orders@acme", false)).isEmpty();
            assertThat(customers(storage, "Sun Li", false)).containsExactly(byPhone);
        }
    }

    @StorageTest
    void withoutPersonalDataPhonesAndEmailsPlayNoPartInTheOrder(TestDatabase db) {
        var byName = aCustomer().withCode("C2026000002").withName("Lina Foods").build();
        var byEmail = aCustomer().withCode("C2026000001").withName("Lina Foods")
                .withContact(aContact("Bo", null, "lina.foods@example.com")).build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, byName, byEmail);

            var withoutPersonalData = search(storage, "lina foods", false);

            assertThat(withoutPersonalData).extracting(CustomerMatch::customer).containsExactly(byEmail, byName);
            assertThat(withoutPersonalData.get(0).rank()).usingRecursiveComparison().ignoringFields("code")
                    .isEqualTo(withoutPersonalData.get(1).rank());
        }
    }

    @StorageTest
    void aCommonWordPagesThroughThousandsOfMatchesInOrder(TestDatabase db) {
        var customers = IntStream.range(0, 60)
                .mapToObj(i -> aCustomer().withCode("C2026%06d".formatted(900 - i))
                        .withName("Shop " + "x".repeat(i % 7) + " Ltd").build())
                .toList();
        try (var storage = TestStorage.on(db)) {
            insert(storage, customers.toArray(Customer[]::new));

            var firstPage = storage.get(tx -> tx.customers().search(new CustomerSearch("ltd", false, Optional.empty(), 25)));
            var secondPage = storage.get(tx -> tx.customers().search(
                    new CustomerSearch("ltd", false, Optional.of(firstPage.getLast().rank()), 50)));

            var all = new ArrayList<>(firstPage);
            all.addAll(secondPage);
            assertThat(all).hasSize(60).allMatch(m -> m.rank().tier() == Tier.NAME);
            assertThat(all).extracting(m -> m.rank().nameLength()).isSorted();
            assertThat(all).extracting(CustomerMatch::customer).containsExactlyInAnyOrderElementsOf(customers);
        }
    }

    @StorageTest
    void likeWildcardsInTheQueryMatchNothingByThemselves(TestDatabase db) {
        var percent = aCustomer().withName("100% Cotton").build();
        var other = aCustomer().withName("North Wind").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, percent, other);

            assertThat(customers(storage, "%", true)).isEmpty();
            assertThat(customers(storage, "_", true)).isEmpty();
            assertThat(customers(storage, "100%", true)).containsExactly(percent);
        }
    }

    @StorageTest
    void aCustomerIsFoundOnceWithAllItsContactsWhenSeveralContactsMatch(TestDatabase db) {
        var customer = aCustomer().withName("Zenith")
                .withContact(aContact("Wang One", "13811110000", null))
                .withContact(aContact("Other Person", "13922220000", null))
                .withContact(aContact("Wang Two", "13833330000", null))
                .build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, customer);

            assertThat(customers(storage, "wang", true)).containsExactly(customer);
        }
    }

    @StorageTest
    void anUpdateChangesWhatFindsTheCustomer(TestDatabase db) {
        var original = aCustomer().withName("Northwind Retail").withContact(aContact("Anna", "13812345678", null))
                .build();
        var renamed = CustomerBuilder.from(original).withName("Zenith Holdings")
                .withContacts(List.of(aContact("Bruno", "13900001111", null))).withVersion(2).build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, original);
            storage.run(tx -> tx.customers().update(renamed, 1));

            assertThat(customers(storage, "Northwind", true)).isEmpty();
            assertThat(customers(storage, "Anna", true)).isEmpty();
            assertThat(customers(storage, "12345678", true)).isEmpty();
            assertThat(customers(storage, "Zenith", true)).containsExactly(renamed);
            assertThat(customers(storage, "Bruno", true)).containsExactly(renamed);
            assertThat(customers(storage, "0000 1111", true)).containsExactly(renamed);
        }
    }

    @StorageTest
    void aBlankQueryListsEveryCustomerByCodeInPages(TestDatabase db) {
        var second = aCustomer().withCode("C2026000021").withContact(aContact("A", "13800000001", null)).build();
        var first = aCustomer().withCode("C2026000020").build();
        var third = aCustomer().withCode("C2026000022").build();
        try (var storage = TestStorage.on(db)) {
            insert(storage, second, first, third);

            var firstPage = storage.get(tx -> tx.customers().search(new CustomerSearch(" ", true, Optional.empty(), 2)));
            var after = Optional.of(firstPage.getLast().rank());
            var secondPage = storage.get(tx -> tx.customers().search(new CustomerSearch("", true, after, 2)));

            assertThat(firstPage).extracting(CustomerMatch::customer).containsExactly(first, second);
            assertThat(secondPage).extracting(CustomerMatch::customer).containsExactly(third);
        }
    }

    private static void insert(TestStorage storage, Customer... customers) {
        storage.run(tx -> List.of(customers).forEach(tx.customers()::insert));
    }

    private static List<CustomerMatch> search(TestStorage storage, String query, boolean personalData) {
        return storage.get(tx -> tx.customers().search(new CustomerSearch(query, personalData, Optional.empty(), 50)));
    }

    private static List<Customer> customers(TestStorage storage, String query, boolean personalData) {
        return search(storage, query, personalData).stream().map(CustomerMatch::customer).toList();
    }
}
