package dev.rapport.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rapport.api.PageRequest;
import dev.rapport.api.customer.ContactDraft;
import dev.rapport.api.customer.CustomerKind;
import dev.rapport.api.customer.CustomerProfile;
import dev.rapport.api.error.DuplicateException;
import dev.rapport.api.security.Actor;
import dev.rapport.core.Rapport;
import dev.rapport.storage.jdbc.testing.DatabaseCoordinates;
import dev.rapport.storage.jdbc.testing.TestDatabase;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Customer search at scale: loads {@code bench.customers} (default a million) generated customers into the embedded
 * PostgreSQL of the test fixtures, then times the first page (50) of typo and substring queries, Latin and Chinese,
 * through the SDK ({@code customers().search}, as an actor who may see personal data), against a raw baseline: the
 * very statements the SDK sent for that query, recorded once and replayed with plain JDBC. Rounds alternate between
 * the two. Not a test: run it with
 * {@code mvn -B -q -Dstyle.color=never -Pbench-customer-search -DskipTests verify -pl docs -am}.
 */
public final class CustomerSearchBenchmark {
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
    private static final int QUERIES = Integer.getInteger("bench.queries", 200);
    private static final int PASSES = Integer.getInteger("bench.passes", 3);
    private static final int PAGE = PageRequest.DEFAULT_LIMIT;
    /** Reported, but not part of the headline: the targets are about typos and substrings. */
    private static final Set<String> EXTRA = Set.of("phone digits", "common word", "pinyin", "initials");
    private static final String[] TYPOS = {"typo swapped", "typo missing", "typo extra", "typo wrong"};
    private static final HanyuPinyinOutputFormat PINYIN = new HanyuPinyinOutputFormat();

    static {
        PINYIN.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        PINYIN.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        PINYIN.setVCharType(HanyuPinyinVCharType.WITH_V);
    }
    private static final String[] COMMON_WORDS = {"上海", "北京", "科技", "贸易", "有限公司", "Trading", "Logistics", "Ltd",
            "GmbH", "Foods"};

    private record Query(String kind, String text) {
    }

    private record Timings(List<Double> sdk, List<Double> raw) {
        Timings() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        var coordinates = TestDatabase.POSTGRES.fresh();
        var recorder = new RecordedStatements.Recorder();
        var timings = new LinkedHashMap<String, Timings>();
        try (var pool = pool(coordinates);
             var rapport = Rapport.builder().dataSource(pool).build();
             var recording = Rapport.builder().dataSource(RecordedStatements.dataSource(pool, recorder)).build()) {
            var generator = new CustomerGenerator(2026);
            BulkLoad.customers(pool, CUSTOMERS, connection -> generator.load(connection, CUSTOMERS));
            var queries = queries(generator.samples(), new SplittableRandom(7));
            var actor = Actor.system();

            // The baseline of each query is what the SDK sent for it; recording also warms both paths up.
            var baselines = new ArrayList<RecordedStatements>();
            int statements = 0;
            for (var query : queries) {
                var recorded = recorder.record(
                        () -> recording.customers().search(actor, query.text(), PageRequest.first(PAGE)));
                baselines.add(recorded);
                statements += recorded.size();
                rapport.customers().search(actor, query.text(), PageRequest.first(PAGE));
            }
            System.out.printf("%d queries, %.1f statements each on average%n", queries.size(),
                    (double) statements / queries.size());

            var slowest = new double[queries.size()];
            for (int pass = 0; pass < PASSES; pass++) {
                for (int i = 0; i < queries.size(); i++) {
                    var query = queries.get(i);
                    var baseline = baselines.get(i);
                    var kind = timings.computeIfAbsent(query.kind(), k -> new Timings());
                    Runnable sdk = () -> rapport.customers().search(actor, query.text(), PageRequest.first(PAGE));
                    Runnable raw = () -> baseline.replay(pool);
                    // Alternate which goes first, so that neither always finds the other's pages in the cache.
                    double sdkTime;
                    if ((i + pass) % 2 == 0) {
                        sdkTime = time(sdk);
                        kind.raw().add(time(raw));
                    } else {
                        kind.raw().add(time(raw));
                        sdkTime = time(sdk);
                    }
                    kind.sdk().add(sdkTime);
                    slowest[i] = Math.max(slowest[i], sdkTime);
                }
            }
            creates(rapport, generator.samples(), new SplittableRandom(11));
            System.out.println("slowest through the SDK: " + IntStream.range(0, queries.size()).boxed()
                    .sorted((a, b) -> Double.compare(slowest[b], slowest[a])).limit(8)
                    .map(i -> "%s \"%s\" %.0f ms".formatted(queries.get(i).kind(), queries.get(i).text(), slowest[i]))
                    .toList());
        }
        // After the pools are closed, whose logging would otherwise follow it: the headline is the last line.
        report(timings);
        System.exit(0); // the embedded PostgreSQL stops in its shutdown hook
    }

    /**
     * {@link #QUERIES} of each kind, from customers the generator wrote: a brand with two adjacent letters swapped,
     * or one letter missing, added or wrong, a kind each (alone or with the industry); four to six letters from inside
     * a brand; a Chinese brand, with its trade or not, or a person's name or given name; the full pinyin of a Chinese
     * brand, with its trade or not, or of a person's name, with spaces between the syllables or not; the initials of a
     * Chinese brand, with its city before it or not, or of a person's name; the last eight digits of a phone; a
     * common word.
     */
    private static List<Query> queries(List<CustomerGenerator.Sample> samples, SplittableRandom random) {
        var latin = samples.stream().filter(s -> !s.chinese() && s.organisation()).toList();
        var chinese = samples.stream().filter(CustomerGenerator.Sample::chinese).toList();
        var queries = new ArrayList<Query>();
        for (int i = 0; i < QUERIES; i++) {
            for (int kind = 0; kind < TYPOS.length; kind++) {
                var company = latin.get(random.nextInt(latin.size()));
                String typo = typo(company.parts().get(0).toLowerCase(Locale.ROOT), kind, random);
                queries.add(new Query(TYPOS[kind], random.nextBoolean() ? typo : typo + " " + company.parts().get(1)));
            }

            String brand = latin.get(random.nextInt(latin.size())).parts().get(0).toLowerCase(Locale.ROOT);
            int length = Math.min(brand.length() - 1, 4 + random.nextInt(3));
            int start = 1 + random.nextInt(brand.length() - length);
            queries.add(new Query("latin substring", brand.substring(start, start + length)));

            var sample = chinese.get(random.nextInt(chinese.size()));
            String name = sample.parts().get(0);
            queries.add(new Query("chinese substring", sample.organisation()
                    ? (random.nextBoolean() ? name : name + sample.parts().get(1))
                    : (random.nextBoolean() ? name : name.substring(1))));

            var read = chinese.get(random.nextInt(chinese.size()));
            String spoken = read.organisation() && random.nextBoolean()
                    ? read.parts().get(0) + read.parts().get(1) : read.parts().get(0);
            queries.add(new Query("pinyin", String.join(random.nextBoolean() ? " " : "", syllables(spoken))));

            var initialled = chinese.get(random.nextInt(chinese.size()));
            String initialsOf = initialled.organisation() && initialled.parts().size() > 2 && random.nextBoolean()
                    ? initialled.parts().get(2) + initialled.parts().get(0) : initialled.parts().get(0);
            queries.add(new Query("initials", syllables(initialsOf).stream().map(syllable -> syllable.substring(0, 1))
                    .collect(Collectors.joining())));

            var phones = samples.get(random.nextInt(samples.size())).phones();
            String phone = phones.get(random.nextInt(phones.size()));
            queries.add(new Query("phone digits", phone.substring(phone.length() - 8)));
            if (i < COMMON_WORDS.length) {
                queries.add(new Query("common word", COMMON_WORDS[i]));
            }
        }
        return queries;
    }

    /**
     * What the duplicate check costs at this size: creating customers that look like existing ones (refused with
     * their candidates) and new ones (created), timed through the SDK. Printed, not part of the headline.
     */
    private static void creates(Rapport rapport, List<CustomerGenerator.Sample> samples, SplittableRandom random) {
        var refused = new ArrayList<Double>();
        var created = new ArrayList<Double>();
        var names = new ArrayList<String>();
        for (int i = 0; i < 50; i++) {
            var existing = samples.get(random.nextInt(samples.size()));
            names.add(existing.name());
            var lookalike = CustomerProfile.builder().kind(CustomerKind.ORGANIZATION).name(existing.name())
                    .industry("Retail").contact(ContactDraft.of("Bench", null, "bench" + i + "@lookalike.example"))
                    .build();
            refused.add(time(() -> {
                try {
                    rapport.customers().create(Actor.system(), lookalike);
                    throw new IllegalStateException("not refused: " + existing.name());
                } catch (DuplicateException expected) {
                    // what is timed
                }
            }));
            var fresh = CustomerProfile.builder().kind(CustomerKind.ORGANIZATION)
                    .name("Zq" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + " Benchmark Holdings")
                    .industry("Retail").contact(ContactDraft.of("Bench", "1390000%04d".formatted(i), null)).build();
            created.add(time(() -> rapport.customers().create(Actor.system(), fresh)));
        }
        System.out.printf(Locale.ROOT, "create, duplicate check included: a look-alike refused p50 %.1f p95 %.1f ms, "
                        + "a new customer created p50 %.1f p95 %.1f ms (50 each)%n", percentile(refused, 50),
                percentile(refused, 95), percentile(created, 50), percentile(created, 95));
        System.out.println("slowest look-alikes: " + IntStream.range(0, names.size()).boxed()
                .sorted((a, b) -> Double.compare(refused.get(b), refused.get(a))).limit(5)
                .map(i -> "\"%s\" %.0f ms".formatted(names.get(i), refused.get(i))).toList());
    }

    /** {@code word} with the typo of {@link #TYPOS}{@code [kind]} somewhere after its first letter. */
    private static String typo(String word, int kind, SplittableRandom random) {
        var out = new StringBuilder(word);
        int at = 1 + random.nextInt(word.length() - 2);
        switch (kind) {
            case 0 -> {
                out.setCharAt(at, word.charAt(at + 1));
                out.setCharAt(at + 1, word.charAt(at));
            }
            case 1 -> out.deleteCharAt(at);
            case 2 -> out.insert(at, (char) ('a' + random.nextInt(26)));
            default -> out.setCharAt(at, (char) ('a' + (word.charAt(at) - 'a' + 1 + random.nextInt(25)) % 26));
        }
        return out.toString();
    }

    /** The pinyin of each character of {@code chinese}, its first reading where it has several. */
    private static List<String> syllables(String chinese) {
        var syllables = new ArrayList<String>();
        for (char ch : chinese.toCharArray()) {
            try {
                syllables.add(PinyinHelper.toHanyuPinyinStringArray(ch, PINYIN)[0]);
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
        }
        return syllables;
    }

    private static double time(Runnable search) {
        long start = System.nanoTime();
        search.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(Map<String, Timings> timings) {
        System.out.println();
        System.out.printf("%-18s %5s | %7s %7s %7s | %7s %7s %7s | %7s%n", "queries", "runs", "sdk p50", "p95", "p99",
                "raw p50", "p95", "p99", "sdk/raw");
        var headline = new Timings();
        timings.forEach((kind, t) -> {
            line(kind, t);
            if (!EXTRA.contains(kind)) {
                headline.sdk().addAll(t.sdk());
                headline.raw().addAll(t.raw());
            }
        });
        line("typo + substring", headline);
        System.out.println("(milliseconds for the first page of " + PAGE + "; sdk/raw compares the p95s; "
                + "\"typo + substring\" is every kind above but " + String.join(" and ", EXTRA.stream().sorted().toList())
                + ")");
        double p95 = percentile(headline.sdk(), 95);
        System.out.printf(Locale.ROOT, "customer-search p95_ms=%.1f sdk/raw=%.2f%n", p95,
                p95 / percentile(headline.raw(), 95));
    }

    private static void line(String kind, Timings t) {
        System.out.printf(Locale.ROOT, "%-18s %5d | %7.1f %7.1f %7.1f | %7.1f %7.1f %7.1f | %7.2f%n", kind,
                t.sdk().size(), percentile(t.sdk(), 50), percentile(t.sdk(), 95), percentile(t.sdk(), 99),
                percentile(t.raw(), 50), percentile(t.raw(), 95), percentile(t.raw(), 99),
                percentile(t.sdk(), 95) / percentile(t.raw(), 95));
    }

    /** The nearest-rank percentile. */
    private static double percentile(List<Double> values, int percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static HikariDataSource pool(DatabaseCoordinates db) {
        var config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
