package dev.rapport.core.internal.customer;

import dev.rapport.api.customer.Contact;
import dev.rapport.api.customer.Customer;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The search readings of Chinese names: what a user typing pinyin enters to find them. For every run of two to
 * {@value #WINDOW} consecutive Chinese characters of a name, its full pinyin without tones or spaces
 * ({@code 星河} → {@code xinghe}) and its initials, the first letter of each syllable ({@code xh}; {@code 上海星河} →
 * {@code shxh}). A polyphonic character counts with every reading ({@code 银行} → {@code yinhang} and
 * {@code yinxing}), up to {@value #VARIANTS} combinations per run. ü is written {@code v}, as pinyin keyboards take
 * it.
 *
 * <p>The storage keeps these as plain strings and matches a query exactly, so what is kept is bounded: about 30
 * strings for a ten-character company name. Left out, because each would find a large share of all customers and so
 * cost a sort of tens of thousands of matches without telling them apart: one character alone ({@code wang} would
 * be every 王), and the legal form a company name ends in ({@code youxiangongsi}, {@code yxgs}). A query of more than
 * {@value #WINDOW} characters' pinyin finds nothing here; the name itself, in Chinese, is what such a user types.
 */
public final class PinyinReadings {
    /** The longest run of characters a reading is kept for. */
    static final int WINDOW = 4;
    /** At most this many readings of one run: every reading of up to two polyphonic characters in it, and more. */
    static final int VARIANTS = 16;
    /** Longest first, so that 股份有限公司 goes as a whole; the storage strips the same forms to compare names. */
    private static final List<String> LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "集团有限公司", "有限公司",
            "集团公司", "株式会社", "公司");
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private static final AtomicBoolean DICTIONARY_LOADING = new AtomicBoolean();

    private PinyinReadings() {
    }

    /**
     * Loads pinyin4j's dictionary on a thread of its own, once per JVM: it takes about a sixth of a second, which the
     * first customer written would otherwise spend with its transaction open (and a demo start on its way to ready).
     * A reading asked for meanwhile waits for the load rather than doing it again (the dictionary is a class-held
     * singleton).
     */
    public static void loadDictionaryInBackground() {
        if (DICTIONARY_LOADING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("rapport-pinyin-dictionary").start(() -> syllables('中'));
        }
    }

    /** The readings of the customer's name and its contacts' names. */
    public static Set<String> of(Customer customer) {
        return of(customer.name(), customer.contacts().stream().map(Contact::name).toList());
    }

    /** The readings of {@code name} and {@code contactNames}; empty when none of them has a Chinese character. */
    public static Set<String> of(String name, List<String> contactNames) {
        var readings = new LinkedHashSet<String>();
        add(name, readings);
        contactNames.forEach(contact -> add(contact, readings));
        return readings;
    }

    private static void add(String name, Set<String> readings) {
        String text = withoutLegalForm(name.strip());
        var run = new ArrayList<List<String>>();
        for (int i = 0; i < text.length(); i++) {
            var syllables = syllables(text.charAt(i));
            if (syllables.isEmpty()) {
                addRun(run, readings);
                run.clear();
            } else {
                run.add(syllables);
            }
        }
        addRun(run, readings);
    }

    /** Every reading of every window of the run of characters, each given by its syllables. */
    private static void addRun(List<List<String>> run, Set<String> readings) {
        for (int start = 0; start < run.size(); start++) {
            var full = List.of("");
            var initials = List.of("");
            for (int end = start; end < Math.min(run.size(), start + WINDOW); end++) {
                var syllables = run.get(end);
                full = extend(full, syllables, false);
                initials = extend(initials, syllables, true);
                if (end > start) {
                    readings.addAll(full);
                    readings.addAll(initials);
                }
            }
        }
    }

    private static String withoutLegalForm(String name) {
        for (String form : LEGAL_FORMS) {
            if (name.endsWith(form)) {
                return name.substring(0, name.length() - form.length());
            }
        }
        return name;
    }

    private static List<String> extend(List<String> prefixes, List<String> syllables, boolean initial) {
        var next = new LinkedHashSet<String>();
        for (String prefix : prefixes) {
            for (String syllable : syllables) {
                if (next.size() == VARIANTS) {
                    return List.copyOf(next);
                }
                next.add(prefix + (initial ? syllable.substring(0, 1) : syllable));
            }
        }
        return List.copyOf(next);
    }

    /** The distinct toneless readings of a Chinese character; empty for any other character. */
    private static List<String> syllables(char ch) {
        String[] readings;
        try {
            readings = PinyinHelper.toHanyuPinyinStringArray(ch, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("A fixed format pinyin4j accepts", e);
        }
        if (readings == null) {
            return List.of();
        }
        var distinct = new LinkedHashSet<String>();
        for (String reading : readings) {
            // Readings are letters only in this format; keep it so should a data file say otherwise.
            String letters = reading.replaceAll("[^a-z]", "");
            if (!letters.isEmpty()) {
                distinct.add(letters);
            }
        }
        return List.copyOf(distinct);
    }
}
