package dev.rapport.api.security;

import dev.rapport.api.Identifier;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The name of a role: a named bundle of permissions (SPEC §2) that an admin defines, see {@link Roles}. A user may
 * hold several. The permissions a role grants are data ({@link RoleDefinition}), looked up whenever a user's permissions
 * are; this type only names the role, so that {@code Set.of(Role.AGENT)} reads as it always has.
 *
 * <p>The five roles of SPEC §2 exist from the first start, with the constants below; they may be edited like any
 * other.
 *
 * @param name letters, digits, dashes and underscores, starting with a letter; at most {@link #MAX_LENGTH}
 */
public record Role(String name) implements Identifier, Comparable<Role> {
    /** The longest role name. */
    public static final int MAX_LENGTH = 40;
    /** What a role name must look like. */
    public static final String NAME_RULE = "must be 1 to " + MAX_LENGTH
            + " letters, digits, dashes or underscores, starting with a letter";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    /**
     * Front line: customers, the tickets of the own department, the status of every ticket of the customers it serves,
     * the own follow-ups.
     */
    public static final Role AGENT = new Role("AGENT");
    /** Tier 2: works escalated tickets and the own follow-ups; sees customers without their contact details. */
    public static final Role EXPERT = new Role("EXPERT");
    /** Tier 3: key accounts and their follow-ups. */
    public static final Role ACCOUNT_MANAGER = new Role("ACCOUNT_MANAGER");
    /** Assigns and reassigns, watches every ticket, merges duplicate customers, runs improvements. */
    public static final Role SUPERVISOR = new Role("SUPERVISOR");
    /** Users, roles, departments, catalogs, event delivery; reads everything, works no tickets. */
    public static final Role ADMIN = new Role("ADMIN");

    /** The five roles of SPEC §2, created on the first start. */
    public static final List<Role> BUILT_IN = List.of(AGENT, EXPERT, ACCOUNT_MANAGER, SUPERVISOR, ADMIN);

    /** @throws IllegalArgumentException when the name breaks {@link #NAME_RULE} */
    public Role {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("role name " + NAME_RULE);
        }
    }

    /** The role with this name. @throws IllegalArgumentException when the name breaks {@link #NAME_RULE} */
    public static Role of(String name) {
        return new Role(name);
    }

    /** The same as {@link #of}, as the enum this type once was spelled it. */
    public static Role valueOf(String name) {
        return of(name);
    }

    /** Whether {@code name} may name a role. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Whether this is one of {@link #BUILT_IN}. */
    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    /** The name, as clients see it. */
    @Override
    public String value() {
        return name;
    }

    @Override
    public int compareTo(Role other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
