package dev.rapport.core.internal.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key failed logins are counted under for a client address. An IPv4 address is itself; an IPv6 address counts
 * as its /64 network, since one subscriber usually holds a whole /64 and could otherwise take a fresh address, and
 * with it fresh allowances, for every guess. Whatever else a host passes is bounded and cleaned, so it can neither
 * grow a row without bound nor carry what a database refuses to store.
 */
final class ClientAddress {
    private static final int MAX = 100;
    private static final Pattern NOT_IN_AN_ADDRESS = Pattern.compile("[^0-9A-Za-z.:%\\[\\]_-]");
    private static final Pattern IPV6 = Pattern.compile("\\[?([0-9A-Fa-f:.]+)(%[^\\]]*)?]?");
    private static final Pattern MAPPED_IPV4 = Pattern.compile("(?i)(?:0{0,4}:)+ffff:(\\d{1,3}(?:\\.\\d{1,3}){3})");

    private ClientAddress() {
    }

    static String keyOf(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return "unknown";
        }
        String bounded = clientAddress.strip();
        bounded = bounded.length() > MAX ? bounded.substring(0, MAX) : bounded;
        var ipv6 = IPV6.matcher(bounded);
        if (bounded.indexOf(':') >= 0 && ipv6.matches()) {
            String literal = ipv6.group(1);
            var mapped = MAPPED_IPV4.matcher(literal);
            if (mapped.matches()) {
                return mapped.group(1);
            }
            List<String> groups = groups(literal);
            if (groups != null) {
                return String.join(":", groups.subList(0, 4)) + "::/64";
            }
        }
        return NOT_IN_AN_ADDRESS.matcher(bounded).replaceAll("_");
    }

    /** The eight groups of an IPv6 literal without leading zeros, or null when it is none. */
    private static List<String> groups(String literal) {
        if (literal.contains(".")) {
            return null;
        }
        int gap = literal.indexOf("::");
        if (gap != literal.lastIndexOf("::")) {
            return null;
        }
        List<String> head = split(gap < 0 ? literal : literal.substring(0, gap));
        List<String> tail = gap < 0 ? List.of() : split(literal.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int missing = 8 - head.size() - tail.size();
        if (gap < 0 ? missing != 0 : missing < 1) {
            return null;
        }
        var all = new ArrayList<>(head);
        for (int i = 0; i < missing; i++) {
            all.add("0");
        }
        all.addAll(tail);
        return all;
    }

    private static List<String> split(String part) {
        if (part.isEmpty()) {
            return List.of();
        }
        var groups = new ArrayList<String>();
        for (String group : part.split(":", -1)) {
            if (group.isEmpty() || group.length() > 4) {
                return null;
            }
            groups.add(Integer.toHexString(Integer.parseInt(group, 16)).toLowerCase(Locale.ROOT));
        }
        return groups;
    }
}
