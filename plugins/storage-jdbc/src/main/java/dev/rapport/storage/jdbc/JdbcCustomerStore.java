package dev.rapport.storage.jdbc;

import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.ContactId;
import dev.rapport.api.customer.Customer;
import dev.rapport.api.customer.CustomerId;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerSource;
import dev.rapport.api.customer.MaintenanceLevel;
import dev.rapport.api.customer.Segment;
import dev.rapport.api.security.UserId;
import dev.rapport.api.ticket.IntakeChannel;
import dev.rapport.api.spi.storage.CustomerMatch;
import dev.rapport.api.spi.storage.CustomerNames;
import dev.rapport.api.spi.storage.CustomerSearch;
import dev.rapport.api.spi.storage.CustomerStore;
import dev.rapport.api.spi.storage.DuplicateProbe;
import dev.rapport.api.spi.storage.DuplicateSuspect;
import dev.rapport.storage.jdbc.search.CustomerSearchColumns;
import dev.rapport.storage.jdbc.search.CustomerSearchKeys;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.rapport.storage.jdbc.JdbcValues.date;
import static dev.rapport.storage.jdbc.JdbcValues.enumValue;
import static dev.rapport.storage.jdbc.JdbcValues.instant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalEnum;
import static dev.rapport.storage.jdbc.JdbcValues.optionalInstant;
import static dev.rapport.storage.jdbc.JdbcValues.optionalString;

/**
 * Customers in {@code customers}, their contacts in {@code contacts} in the order given. Every write also writes the
 * customer's {@link CustomerSearchColumns}, its {@link CustomerSearchKeys} and each contact's lower-cased e-mail,
 * which search and duplicate detection read.
 */
final class JdbcCustomerStore implements CustomerStore {
    private static final String CUSTOMER_COLUMNS = "c.id, c.code, c.kind, c.name, c.industry, c.cooperation_since, "
            + "c.source, c.segment, c.maintenance_level, c.key_account, c.account_manager_id, c.tags, c.contract_end, "
            + "c.first_contact_at, c.first_contact_channel, c.merged_into, c.needs_completion, c.created_at, c.updated_at, c.version";
    private static final String CONTACT_COLUMNS = "k.customer_id AS contact_customer_id, k.id AS contact_id, "
            + "k.name AS contact_name, k.title AS contact_title, k.phone AS contact_phone, k.email AS contact_email";
    private static final SelectList CUSTOMERS = SelectList.of(CUSTOMER_COLUMNS);
    private static final SelectList CONTACTS = SelectList.of(CONTACT_COLUMNS);
    private static final String INSERT_CONTACT = "INSERT INTO contacts (id, customer_id, position, name, title, "
            + "phone, email, email_key) VALUES (:id, :customerId, :position, :name, :title, :phone, :email, :emailKey)";

    private final Handle handle;
    private final JsonCodec json;
    private final Map<Trigram, String> thresholds = new EnumMap<>(Trigram.class);
    private Dialect dialect;
    /** The customer {@link #exists} last found in this transaction, until this transaction writes a customer. */
    private CheckedCustomer checked;

    JdbcCustomerStore(Handle handle, JsonCodec json) {
        this.handle = handle;
        this.json = json;
    }

    @Override
    public void insert(Customer customer) {
        checked = null;
        bindCustomer(handle.createUpdate("INSERT INTO customers (id, code, kind, name, industry, cooperation_since, "
                + "source, segment, maintenance_level, key_account, account_manager_id, tags, contract_end, "
                + "first_contact_at, first_contact_channel, merged_into, needs_completion, created_at, updated_at, version, "
                + "search_name, search_core, search_text, search_pii) VALUES (:id, :code, :kind, :name, :industry, :cooperationSince, "
                + ":source, :segment, :maintenanceLevel, :keyAccount, :accountManagerId, :tags, :contractEnd, "
                + ":firstContactAt, :firstContactChannel, :mergedInto, :needsCompletion, :createdAt, :updatedAt, :version, :searchName, "
                + ":searchCore, :searchText, :searchPii)"),
                customer)
                .execute();
        insertContacts(customer);
        insertKeys(customer);
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        // One round trip: the customer's columns repeat on each of its contacts' rows.
        return handle.createQuery("SELECT " + CUSTOMER_COLUMNS + ", " + CONTACT_COLUMNS + " FROM customers c "
                        + "LEFT JOIN contacts k ON k.customer_id = c.id WHERE c.id = :id ORDER BY k.position")
                .bind("id", id.value())
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    if (!rs.next()) {
                        return Optional.<Customer>empty();
                    }
                    Customer customer = customer(rs);
                    var contacts = new ArrayList<Contact>();
                    do {
                        if (rs.getString(CUSTOMERS.size() + At.CONTACT_ID) != null) {
                            contacts.add(contact(rs, CUSTOMERS.size()));
                        }
                    } while (rs.next());
                    return Optional.of(withContacts(customer, contacts));
                });
    }

    @Override
    public boolean exists(CustomerId id) {
        // Reads the key-account manager with it: opening a ticket asks both of one customer in one transaction.
        var manager = DirectSql.first(handle, "SELECT CASE WHEN key_account THEN account_manager_id END FROM customers "
                        + "WHERE id = ? AND merged_into IS NULL",
                statement -> statement.setString(1, id.value()), rs -> Optional.ofNullable(rs.getString(1)).map(UserId::of));
        checked = manager.map(m -> new CheckedCustomer(id, m)).orElse(null);
        return manager.isPresent();
    }

    @Override
    public Optional<UserId> keyAccountManager(CustomerId id) {
        if (checked != null && checked.id().equals(id)) {
            return checked.keyAccountManager();
        }
        return DirectSql.first(handle, "SELECT account_manager_id FROM customers WHERE id = ? AND key_account "
                        + "AND account_manager_id IS NOT NULL",
                statement -> statement.setString(1, id.value()), rs -> rs.getString(1)).map(UserId::of);
    }

    @Override
    public boolean update(Customer customer, long expectedVersion) {
        checked = null;
        int updated = bindCustomer(handle.createUpdate("UPDATE customers SET code = :code, kind = :kind, name = :name, "
                + "industry = :industry, cooperation_since = :cooperationSince, source = :source, segment = :segment, "
                + "maintenance_level = :maintenanceLevel, key_account = :keyAccount, "
                + "account_manager_id = :accountManagerId, tags = :tags, contract_end = :contractEnd, "
                + "first_contact_at = :firstContactAt, first_contact_channel = :firstContactChannel, "
                + "merged_into = :mergedInto, needs_completion = :needsCompletion, created_at = :createdAt, updated_at = :updatedAt, version = :version, search_name = :searchName, "
                + "search_core = :searchCore, search_text = :searchText, search_pii = :searchPii "
                + "WHERE id = :id AND version = :expectedVersion"),
                customer)
                .bind("expectedVersion", expectedVersion)
                .execute();
        if (updated == 0) {
            return false;
        }
        if (customer.mergedInto().isPresent()) {
            // a merged customer's care goes with the survivor: the care planning need never read it again
            handle.createUpdate("UPDATE customers SET maintenance_due_on = DATE '9999-12-31' WHERE id = :id")
                    .bind("id", customer.id().value())
                    .execute();
        }
        handle.createUpdate("DELETE FROM contacts WHERE customer_id = :customerId")
                .bind("customerId", customer.id().value())
                .execute();
        insertContacts(customer);
        // Readings stay until the SDK replaces them.
        handle.createUpdate("DELETE FROM customer_search_keys WHERE customer_id = :customerId AND kind IN ('W', 'T')")
                .bind("customerId", customer.id().value())
                .execute();
        insertKeys(customer);
        // Readings read in order sort where the name now puts the customer, until the SDK replaces them.
        handle.createUpdate("UPDATE customer_search_keys SET name_length = :nameLength "
                        + "WHERE customer_id = :customerId AND kind = 'P'")
                .bind("nameLength", CustomerSearchColumns.of(customer).name().length())
                .bind("customerId", customer.id().value())
                .execute();
        return true;
    }

    @Override
    public void indexReadings(CustomerId id, Collection<String> readings) {
        var distinct = List.copyOf(new LinkedHashSet<>(readings));
        // Short readings (xh) are shared by thousands and read in order from the rows; on PostgreSQL the rest go on
        // the customer row, where each costs a byte or two of its GIN index.
        var asRows = dialect().keysOnRow()
                ? distinct.stream().filter(CustomerSearchQuery::readInOrder).toList() : distinct;
        if (dialect().keysOnRow()) {
            handle.createUpdate("UPDATE customers SET search_keys = ARRAY(SELECT k FROM unnest(search_keys) k "
                            + "WHERE k NOT LIKE 'P:%') || CAST(:keys AS TEXT[]), readings_indexed = TRUE WHERE id = :id")
                    .bindArray("keys", String.class, distinct.stream().filter(r -> !CustomerSearchQuery.readInOrder(r))
                            .map(r -> Dialect.rowKey("P", r)).toList())
                    .bind("id", id.value())
                    .execute();
        }
        handle.createUpdate("DELETE FROM customer_search_keys WHERE customer_id = :customerId AND kind = 'P'")
                .bind("customerId", id.value())
                .execute();
        if (!asRows.isEmpty()) {
            // The order columns come from the stored row, which the keys then sort like.
            var batch = handle.prepareBatch("INSERT INTO customer_search_keys (customer_id, kind, search_key, "
                    + "name_length, code) SELECT id, 'P', :key, LENGTH(search_name), code FROM customers WHERE id = :customerId");
            for (String reading : asRows) {
                batch.bind("key", reading).bind("customerId", id.value()).add();
            }
            batch.execute();
        }
        if (!dialect().keysOnRow()) {
            handle.createUpdate("UPDATE customers SET readings_indexed = TRUE WHERE id = :id AND NOT readings_indexed")
                    .bind("id", id.value())
                    .execute();
        }
    }

    @Override
    public List<CustomerNames> lackingReadings(int limit) {
        var names = handle.createQuery("SELECT id, name FROM customers WHERE NOT readings_indexed ORDER BY id "
                        + "LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
        if (names.isEmpty()) {
            return List.of();
        }
        var contactNames = new HashMap<String, List<String>>();
        handle.createQuery("SELECT customer_id, name FROM contacts WHERE customer_id IN (<ids>) "
                        + "ORDER BY customer_id, position")
                .bindList("ids", names.stream().map(Map.Entry::getKey).toList())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(row -> contactNames.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
        return names.stream()
                .map(row -> new CustomerNames(CustomerId.of(row.getKey()), row.getValue(),
                        contactNames.getOrDefault(row.getKey(), List.of())))
                .toList();
    }

    @Override
    public List<CustomerMatch> search(CustomerSearch search) {
        var page = new ArrayList<CustomerMatch>();
        for (var statement : CustomerSearchQuery.of(search, dialect(), CUSTOMER_COLUMNS, this::sharedBy)) {
            if (page.size() == search.limit()) {
                break;
            }
            // The tiers share one map of parameters, each using some of them; plain JDBC, as for tickets.
            var sql = NamedSql.of(statement.sql());
            var values = new HashMap<String, Object>(statement.parameters());
            values.put("limit", search.limit() - page.size());
            page.addAll(DirectSql.list(handle, sql.sql(), ps -> sql.bind(ps, values),
                    rs -> new CustomerMatch(customer(rs), statement.rank(rs, CUSTOMERS.size()))));
        }
        var customers = loadContacts(page.stream().map(CustomerMatch::customer).toList());
        return IntStream.range(0, page.size())
                .mapToObj(i -> new CustomerMatch(customers.get(i), page.get(i).rank()))
                .toList();
    }

    /** How many names hold {@code word} as a whole word, counted up to {@link CustomerSearchQuery#COMMON}. */
    private int sharedBy(String word) {
        // Reads at most COMMON entries of the keys' index.
        return DirectSql.first(handle, "SELECT COUNT(*) FROM (SELECT 1 FROM customer_search_keys WHERE kind = 'W' "
                        + "AND search_key = ? LIMIT " + CustomerSearchQuery.COMMON + ") shared",
                ps -> ps.setString(1, word), rs -> rs.getInt(1)).orElse(0);
    }

    @Override
    public List<DuplicateSuspect> suspects(DuplicateProbe probe) {
        var query = DuplicateQuery.of(probe, dialect());
        if (query.isEmpty()) {
            return List.of();
        }
        if (query.get().fuzzy()) {
            useThreshold(Trigram.SIMILARITY, probe.minNameSimilarity());
        }
        // On PostgreSQL the threshold is a setting rather than a parameter.
        var statement = handle.createQuery(query.get().sql())
                .configure(SqlStatements.class, statements -> statements.setUnusedBindingAllowed(true))
                .bindMap(query.get().parameters());
        query.get().lists().forEach(statement::bindList);
        return statement.map((rs, ctx) -> new DuplicateSuspect(CustomerId.of(rs.getString("id")),
                        rs.getString("code"), rs.getString("name"), rs.getFloat("closeness"),
                        rs.getBoolean("same_phone"), rs.getBoolean("same_email")))
                .list();
    }

    /**
     * The transaction's threshold of fuzzy matching, where the database keeps it in a setting (pg_trgm's index
     * reads it there): set once per value and transaction.
     */
    private void useThreshold(Trigram match, double value) {
        String text = Double.toString(value);
        if (text.equals(thresholds.get(match))) {
            return;
        }
        dialect().setThreshold(match).ifPresent(sql -> handle.createQuery(sql).bind("threshold", text)
                .mapTo(String.class).one());
        thresholds.put(match, text);
    }

    /**
     * The database's dialect, read from the connection once per transaction: the transaction hands its stores
     * the handle only.
     */
    private Dialect dialect() {
        if (dialect == null) {
            try {
                String product = handle.getConnection().getMetaData().getDatabaseProductName();
                dialect = Dialect.of(product).orElseThrow(() -> new IllegalStateException("Unsupported " + product));
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell the database product", e);
            }
        }
        return dialect;
    }

    /** Adds their contacts to a page of customers with one query for the whole page. */
    private List<Customer> loadContacts(List<Customer> customers) {
        if (customers.isEmpty()) {
            return customers;
        }
        var contacts = new HashMap<String, List<Contact>>();
        int customerId = At.CONTACT_CUSTOMER_ID;
        DirectSql.each(handle, "SELECT " + CONTACT_COLUMNS + " FROM contacts k WHERE k.customer_id IN ("
                        + "?, ".repeat(customers.size() - 1) + "?) ORDER BY k.customer_id, k.position",
                ps -> {
                    for (int i = 0; i < customers.size(); i++) {
                        ps.setString(i + 1, customers.get(i).id().value());
                    }
                },
                rs -> contacts.computeIfAbsent(rs.getString(customerId), k -> new ArrayList<>()).add(contact(rs, 0)));
        return customers.stream()
                .map(c -> withContacts(c, contacts.getOrDefault(c.id().value(), List.of())))
                .toList();
    }

    /**
     * The storage's own search keys of the customer (its readings are the SDK's, see {@link #indexReadings}): the
     * words as rows; the typo keys as rows on H2 and on the row on PostgreSQL, where readings already there stay.
     */
    private void insertKeys(Customer customer) {
        var keys = CustomerSearchKeys.of(customer.name(), customer.contacts().stream().map(Contact::name).toList());
        var batch = handle.prepareBatch("INSERT INTO customer_search_keys (customer_id, kind, search_key, name_length, "
                + "code) VALUES (:customerId, :kind, :key, :nameLength, :code)");
        keys.words().forEach(word -> addKey(batch, customer, "W", word, keys.nameLength()));
        if (dialect().keysOnRow()) {
            handle.createUpdate("UPDATE customers SET search_keys = ARRAY(SELECT k FROM unnest(search_keys) k "
                            + "WHERE k LIKE 'P:%') || CAST(:keys AS TEXT[]) WHERE id = :id")
                    .bindArray("keys", String.class, keys.typos().stream().map(t -> Dialect.rowKey("T", t)).toList())
                    .bind("id", customer.id().value())
                    .execute();
        } else {
            keys.typos().forEach(typo -> addKey(batch, customer, "T", typo, keys.nameLength()));
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static void addKey(PreparedBatch batch, Customer customer, String kind, String key, int nameLength) {
        batch.bind("customerId", customer.id().value())
                .bind("kind", kind)
                .bind("key", key)
                .bind("nameLength", nameLength)
                .bind("code", customer.code())
                .add();
    }

    private void insertContacts(Customer customer) {
        if (customer.contacts().isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch(INSERT_CONTACT);
        int position = 0;
        for (var contact : customer.contacts()) {
            batch.bind("id", contact.id().value())
                    .bind("customerId", customer.id().value())
                    .bind("position", position++)
                    .bind("name", contact.name())
                    .bind("title", contact.title().orElse(null))
                    .bind("phone", contact.phone().orElse(null))
                    .bind("email", contact.email().orElse(null))
                    .bind("emailKey", contact.email().map(e -> e.toLowerCase(Locale.ROOT)).orElse(null))
                    .add();
        }
        batch.execute();
    }

    private Update bindCustomer(Update statement, Customer c) {
        var search = CustomerSearchColumns.of(c);
        return statement
                .bind("searchName", search.name())
                .bind("searchCore", search.coreName())
                .bind("searchText", search.text())
                .bind("searchPii", search.personalData())
                .bind("id", c.id().value())
                .bind("code", c.code())
                .bind("kind", c.kind().name())
                .bind("name", c.name())
                .bind("industry", c.industry())
                .bind("cooperationSince", date(c.cooperationSince()))
                .bind("source", c.source().map(Enum::name).orElse(null))
                .bind("segment", c.segment().name())
                .bind("maintenanceLevel", c.maintenanceLevel().name())
                .bind("keyAccount", c.keyAccount())
                .bind("accountManagerId", c.accountManagerId().map(UserId::value).orElse(null))
                .bind("tags", json.strings(c.tags()))
                .bind("contractEnd", date(c.contractEnd()))
                .bind("firstContactAt", instant(c.firstContactAt()))
                .bind("firstContactChannel", c.firstContactChannel().map(Enum::name).orElse(null))
                .bind("mergedInto", c.mergedInto().map(CustomerId::value).orElse(null))
                .bind("needsCompletion", c.needsCompletion())
                .bind("createdAt", instant(c.createdAt()))
                .bind("updatedAt", instant(c.updatedAt()))
                .bind("version", c.version());
    }

    /** The customer of the current row, without its contacts. */
    private Customer customer(ResultSet rs) throws SQLException {
        return Customer.builder()
                .id(CustomerId.of(rs.getString(At.ID)))
                .code(rs.getString(At.CODE))
                .kind(enumValue(rs, At.KIND, CustomerKind.class))
                .name(rs.getString(At.NAME))
                .industry(rs.getString(At.INDUSTRY))
                .cooperationSince(date(rs, At.COOPERATION_SINCE))
                .source(optionalEnum(rs, At.SOURCE, CustomerSource.class))
                .segment(enumValue(rs, At.SEGMENT, Segment.class))
                .maintenanceLevel(enumValue(rs, At.MAINTENANCE_LEVEL, MaintenanceLevel.class))
                .keyAccount(rs.getBoolean(At.KEY_ACCOUNT))
                .accountManagerId(optionalString(rs, At.ACCOUNT_MANAGER_ID).map(UserId::of))
                .tags(json.strings(rs.getString(At.TAGS)))
                .contractEnd(date(rs, At.CONTRACT_END))
                .firstContactAt(optionalInstant(rs, At.FIRST_CONTACT_AT))
                .firstContactChannel(optionalEnum(rs, At.FIRST_CONTACT_CHANNEL, IntakeChannel.class))
                .mergedInto(optionalString(rs, At.MERGED_INTO).map(CustomerId::of))
                .needsCompletion(rs.getBoolean(At.NEEDS_COMPLETION))
                .createdAt(instant(rs, At.CREATED_AT))
                .updatedAt(instant(rs, At.UPDATED_AT))
                .version(rs.getLong(At.VERSION))
                .build();
    }

    /** A contact whose columns follow the {@code first} ones of the row. */
    private static Contact contact(ResultSet rs, int first) throws SQLException {
        return new Contact(ContactId.of(rs.getString(first + At.CONTACT_ID)),
                rs.getString(first + At.CONTACT_NAME),
                optionalString(rs, first + At.CONTACT_TITLE),
                optionalString(rs, first + At.CONTACT_PHONE),
                optionalString(rs, first + At.CONTACT_EMAIL));
    }

    private static Customer withContacts(Customer c, List<Contact> contacts) {
        return c.toBuilder().contacts(contacts).build();
    }

    private record CheckedCustomer(CustomerId id, Optional<UserId> keyAccountManager) {
    }

    /** The positions of the customer's and the contact's columns, looked up once rather than per row. */
    private static final class At {
        static final int ID = CUSTOMERS.at("id");
        static final int CODE = CUSTOMERS.at("code");
        static final int KIND = CUSTOMERS.at("kind");
        static final int NAME = CUSTOMERS.at("name");
        static final int INDUSTRY = CUSTOMERS.at("industry");
        static final int COOPERATION_SINCE = CUSTOMERS.at("cooperation_since");
        static final int SOURCE = CUSTOMERS.at("source");
        static final int SEGMENT = CUSTOMERS.at("segment");
        static final int MAINTENANCE_LEVEL = CUSTOMERS.at("maintenance_level");
        static final int KEY_ACCOUNT = CUSTOMERS.at("key_account");
        static final int ACCOUNT_MANAGER_ID = CUSTOMERS.at("account_manager_id");
        static final int TAGS = CUSTOMERS.at("tags");
        static final int CONTRACT_END = CUSTOMERS.at("contract_end");
        static final int FIRST_CONTACT_AT = CUSTOMERS.at("first_contact_at");
        static final int FIRST_CONTACT_CHANNEL = CUSTOMERS.at("first_contact_channel");
        static final int MERGED_INTO = CUSTOMERS.at("merged_into");
        static final int NEEDS_COMPLETION = CUSTOMERS.at("needs_completion");
        static final int CREATED_AT = CUSTOMERS.at("created_at");
        static final int UPDATED_AT = CUSTOMERS.at("updated_at");
        static final int VERSION = CUSTOMERS.at("version");
        static final int CONTACT_CUSTOMER_ID = CONTACTS.at("contact_customer_id");
        static final int CONTACT_ID = CONTACTS.at("contact_id");
        static final int CONTACT_NAME = CONTACTS.at("contact_name");
        static final int CONTACT_TITLE = CONTACTS.at("contact_title");
        static final int CONTACT_PHONE = CONTACTS.at("contact_phone");
        static final int CONTACT_EMAIL = CONTACTS.at("contact_email");

        private At() {
        }
    }
}
