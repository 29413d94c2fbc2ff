package dev.rapport.bench;

import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.customer.PinyinReadings;
import dev.rapport.storage.jdbc.search.CustomerSearchColumns;
import dev.rapport.storage.jdbc.search.CustomerSearchKeys;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes realistic customers straight into the tables of the jdbc storage with PostgreSQL's COPY: a mix of Chinese
 * and Latin organisations and people, one to three contacts each with a mainland mobile or an E.164 number and an
 * e-mail, the search columns and keys the storage itself would write ({@link CustomerSearchColumns},
 * {@link CustomerSearchKeys}: words as rows, typo keys on the row) and the pinyin readings the SDK would give it
 * ({@link PinyinReadings}, on the row). Deterministic
 * for a seed, apart from the ids. Keeps a sample of what it wrote, to build queries from.
 */
final class CustomerGenerator {
    /**
     * A generated customer as the benchmark's queries need it.
     *
     * @param parts what a person would search it by: a company's brand and trade ({@code 星河}, {@code 贸易};
     *              {@code Brightstone}, {@code Logistics}), a person's whole name; then a Chinese company's city when
     *              its name has one
     */
    record Sample(String code, String name, boolean chinese, boolean organisation, List<String> parts,
                  List<String> phones) {
    }

    private static final String[] CITIES = {"上海", "北京", "深圳", "杭州", "广州", "成都", "武汉", "南京", "苏州", "西安",
            "天津", "重庆", "长沙", "青岛", "厦门", "宁波", "合肥", "郑州", "济南", "昆明", "大连", "福州", "无锡", "佛山"};
    private static final String BRAND_CHARACTERS = "星河云栈华信金盛天宇博远鑫源恒通嘉禾瑞丰海纳东方宏达中科创新智联新世纪美佳"
            + "鼎盛腾飞辉煌隆泰永安长城远洋锦绣明珠凯旋盈科汇丰万家百川千禧众合卓越启航蓝海青松翠竹紫光红日绿洲银河"
            + "盛世安泰康宁福瑞祥和润泽德馨";
    private static final String[] TRADES = {"贸易", "科技", "物流", "电子", "餐饮", "建材", "医药", "服饰", "文化", "传媒",
            "教育", "咨询", "机械", "化工", "食品", "家居", "汽车", "能源", "环保", "软件"};
    private static final String[] FORMS = {"有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司", "工作室"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹"
            + "霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴"
            + "蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝";
    private static final String[] SYLLABLES = {"bri", "ght", "sto", "ne", "nor", "th", "wi", "nd", "vel", "ox", "ar", "ia",
            "lum", "en", "cor", "tex", "sil", "ver", "gra", "nite", "blu", "har", "bor", "mer", "idi", "an", "zen", "ith",
            "ap", "ex", "sum", "mit", "cas", "cade", "ori", "on", "pol", "aris", "kes", "trel", "val", "ley", "mon", "arch",
            "quin", "ta", "ro", "vo", "lin", "dra", "fer", "gus", "hal", "ju", "kor", "lex", "mo", "nix", "pra", "qua",
            "rus", "sa", "tor", "ul", "vix", "wel", "yar", "zo", "bel", "cin", "dor", "el", "fa", "gol", "hex", "in",
            "jo", "ka", "lo", "mar", "nu", "ol", "pen", "ri", "so", "tu", "um", "ven", "wol", "xa", "ya", "zu", "ber",
            "cal", "del", "est", "fin", "gan", "hor", "ist", "jan", "kin", "lan", "mus", "nim", "ost", "per", "rad"};
    private static final String[] INDUSTRIES = {"Trading", "Logistics", "Electronics", "Foods", "Software", "Textiles",
            "Pharma", "Motors", "Consulting", "Design", "Imports", "Systems", "Labs", "Retail", "Energy"};
    private static final String[] LEGAL = {"Ltd", "GmbH", "Inc.", "Co., Ltd.", "LLC", "S.A.", "", "Pte. Ltd."};
    private static final String[] FIRST = {"Anna", "Peter", "Maria", "John", "Laura", "Lukas", "Sophie", "David", "Emma",
            "Felix", "Olivia", "Marco", "Julia", "Thomas", "Clara", "Daniel", "Nina", "Paul", "Sarah", "Jonas", "Elena",
            "Mark", "Lisa", "Tom", "Eva", "Max", "Lea", "Jan", "Mia", "Noah", "Ella", "Leon", "Ida", "Finn", "Lena"};
    private static final String[] LAST = {"Schmidt", "Miller", "Smith", "Johnson", "Brown", "Meyer", "Weber", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Taylor", "Wilson",
            "Davies", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Green", "Hall", "Wood", "Clarke", "Jackson",
            "Martin", "Bernard", "Dubois", "Rossi", "Russo", "Ferrari", "Garcia", "Lopez", "Tanaka", "Kim", "Nguyen"};
    private static final String[] MAIL_DOMAINS = {"qq.com", "163.com", "126.com", "gmail.com", "outlook.com",
            "example.com", "mail.example.cn", "sina.com"};
    private static final String[] E164 = {"+49", "+1", "+44", "+852", "+65", "+81", "+33"};
    private static final String[] SEGMENTS = {"NEW", "RETURNING", "HIGH_VALUE"};
    private static final String[] LEVELS = {"HIGH", "MEDIUM", "LOW"};
    private static final int BATCH = 20_000;
    private static final int SAMPLE_EVERY = 97;

    private final SplittableRandom random;
    private final IdGenerator ids = new IdGenerator(Clock.systemUTC());
    private final List<Sample> samples = new ArrayList<>();

    CustomerGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Every {@value #SAMPLE_EVERY}th customer written. */
    List<Sample> samples() {
        return samples;
    }

    /** Writes {@code count} customers and their contacts, a COPY of each per batch of {@value #BATCH}. */
    void load(Connection connection, int count) throws SQLException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        var customerRows = new StringBuilder();
        var contactRows = new StringBuilder();
        var keyRows = new StringBuilder();
        for (int start = 0; start < count; start += BATCH) {
            for (int i = start; i < Math.min(count, start + BATCH); i++) {
                customer(i, customerRows, contactRows, keyRows);
            }
            write(copy.copyIn("COPY customers (id, code, kind, name, industry, segment, maintenance_level, "
                    + "key_account, tags, created_at, updated_at, version, search_name, search_core, search_text, "
                    + "search_pii, readings_indexed, search_keys) "
                    + "FROM STDIN"), customerRows);
            write(copy.copyIn("COPY contacts (id, customer_id, position, name, phone, email, email_key) FROM STDIN"),
                    contactRows);
            write(copy.copyIn("COPY customer_search_keys (customer_id, kind, search_key, name_length, code) "
                    + "FROM STDIN"), keyRows);
        }
    }

    private void customer(int index, StringBuilder customers, StringBuilder contacts, StringBuilder keys) {
        String id = ids.next();
        // Codes as the SDK makes them, spread over years so that a million fit: C2021000001 …
        String code = "C" + (2021 + index / 200_000) + "%06d".formatted(index % 200_000 + 1);
        int kind = random.nextInt(100);
        boolean chinese = kind < 60;
        boolean organisation = kind < 45 || kind >= 60 && kind < 90;
        var parts = new ArrayList<String>();
        String name = chinese ? (organisation ? chineseCompany(parts) : chinesePerson())
                : (organisation ? latinCompany(parts) : latinPerson());
        if (parts.isEmpty()) {
            parts.add(name);
        }
        int contactCount = organisation ? 1 + random.nextInt(3) : 1;
        var names = new ArrayList<String>();
        var phones = new ArrayList<String>();
        var emails = new ArrayList<String>();
        for (int c = 0; c < contactCount; c++) {
            boolean chineseContact = chinese ? random.nextInt(10) < 9 : random.nextInt(10) < 2;
            String contact = !organisation ? name : chineseContact ? chinesePerson() : latinPerson();
            String phone = chineseContact || random.nextInt(3) > 0 ? mainlandMobile() : e164();
            String email = random.nextInt(5) == 0 ? null : email(chineseContact, contact);
            names.add(contact);
            phones.add(phone);
            if (email != null) {
                emails.add(email);
            }
            row(contacts, ids.next(), id, Integer.toString(c), contact, phone, email,
                    email == null ? null : email.toLowerCase(Locale.ROOT));
        }
        var search = CustomerSearchColumns.of(name, names, phones, emails);
        var storageKeys = CustomerSearchKeys.of(name, names);
        var readings = PinyinReadings.of(name, names);
        String at = "2026-%02d-%02d 09:00:00+00".formatted(1 + random.nextInt(11), 1 + random.nextInt(28));
        row(customers, id, code, organisation ? "ORGANIZATION" : "PERSON", name, "Retail",
                SEGMENTS[random.nextInt(SEGMENTS.length)], LEVELS[random.nextInt(LEVELS.length)], "f", "[]", at, at,
                "1", search.name(), search.coreName(), search.text(), search.personalData(), "t",
                rowKeys(storageKeys, readings));
        String nameLength = Integer.toString(storageKeys.nameLength());
        storageKeys.words().forEach(word -> row(keys, id, "W", word, nameLength, code));
        readings.stream().filter(r -> r.length() <= 2).forEach(r -> row(keys, id, "P", r, nameLength, code));
        if (index % SAMPLE_EVERY == 0) {
            samples.add(new Sample(code, name, chinese, organisation, List.copyOf(parts), List.copyOf(phones)));
        }
    }

    /**
     * The typo keys and readings as PostgreSQL keeps them on the row: an array literal of {@code T:} and {@code P:}
     * keys (letters and digits only, so nothing to quote).
     */
    private static String rowKeys(CustomerSearchKeys keys, Set<String> readings) {
        var all = new ArrayList<String>();
        keys.typos().forEach(typo -> all.add("T:" + typo));
        // Readings of two letters are rows, read in order (CustomerSearchQuery.readInOrder).
        readings.stream().filter(reading -> reading.length() > 2).forEach(reading -> all.add("P:" + reading));
        return "{" + String.join(",", all) + "}";
    }

    private String chineseCompany(List<String> parts) {
        String brand = "" + pick(BRAND_CHARACTERS) + pick(BRAND_CHARACTERS);
        String city = random.nextInt(4) == 0 ? "" : pick(CITIES);
        String trade = pick(TRADES);
        parts.add(brand);
        parts.add(trade);
        if (!city.isEmpty()) {
            parts.add(city);
        }
        return city + brand + trade + pick(FORMS);
    }

    private String chinesePerson() {
        return "" + pick(SURNAMES) + pick(GIVEN) + (random.nextBoolean() ? "" + pick(GIVEN) : "");
    }

    private String latinCompany(List<String> parts) {
        var brand = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            brand.append(pick(SYLLABLES));
        }
        brand.setCharAt(0, Character.toUpperCase(brand.charAt(0)));
        String legal = pick(LEGAL);
        String industry = pick(INDUSTRIES);
        parts.add(brand.toString());
        parts.add(industry);
        return brand + " " + industry + (legal.isEmpty() ? "" : " " + legal);
    }

    private String latinPerson() {
        return pick(FIRST) + " " + pick(LAST);
    }

    private String mainlandMobile() {
        return "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
    }

    private String e164() {
        return pick(E164) + "%09d".formatted(random.nextInt(1_000_000_000));
    }

    private String email(boolean chinese, String person) {
        String local = chinese ? "user" + random.nextInt(10_000_000)
                : person.toLowerCase(Locale.ROOT).replace(' ', '.') + random.nextInt(1000);
        return local + "@" + pick(MAIL_DOMAINS);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    /** One row of COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
    static void row(StringBuilder out, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String value = values[i];
            if (value == null) {
                out.append("\\N");
                continue;
            }
            for (int k = 0; k < value.length(); k++) {
                char ch = value.charAt(k);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }

    static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        rows.setLength(0);
    }
}
