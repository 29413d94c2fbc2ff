package dev.rapport.api.spi;

import java.util.List;

/** A plugin's configuration is missing, malformed or has unknown keys; lists every problem found. */
public final class PluginConfigException extends RuntimeException {
    private final List<String> problems;

    public PluginConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public PluginConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
