package dev.rapport.api.security;

/** The support tier a user works in; escalation goes one tier up. */
public enum Tier {
    FRONT_LINE(1), EXPERT(2), ACCOUNT_MANAGER(3);

    private final int level;

    Tier(int level) {
        this.level = level;
    }

    /** 1, 2 or 3. */
    public int level() {
        return level;
    }
}
