package io.tidings.core.inbound;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keywords of incoming messages. A reply matches by its first word (or its whole text, for a
 * keyword of several words), in any case, without the punctuation around it: "stop.", "Stop please"
 * and "СТОП!" are all STOP. Stop wins over the others when a word is in two lists.
 */
public final class Keywords {

    /** What a keyword does. */
    public enum Action {
        STOP, START, HELP, CUSTOM
    }

    /** A matched keyword; {@code language} is the help keyword's language, else null. */
    public record Match(Action action, String keyword, String language) {
    }

    private final Map<String, Match> words = new HashMap<>();
    private final Map<String, String> answers = new LinkedHashMap<>();

    public Keywords(String[] stop, String[] start, String[] help, String[] helpAnswers, String[] custom) {
        put(custom, Action.CUSTOM);
        for (String entry : words(help)) {
            String[] parts = languageAnd(entry);
            if (parts != null) {
                words.put(parts[1], new Match(Action.HELP, parts[1], parts[0]));
            }
        }
        put(start, Action.START);
        put(stop, Action.STOP);
        for (String entry : helpAnswers == null ? new String[0] : helpAnswers) {
            String[] parts = languageAndText(entry);
            if (parts != null) {
                answers.putIfAbsent(parts[0], parts[1]);
            }
        }
    }

    /** A list as the configuration gives it: an array, or one text of comma-separated words (a .cfg line). */
    private static java.util.List<String> words(String[] list) {
        java.util.List<String> all = new java.util.ArrayList<>();
        for (String entry : list == null ? new String[0] : list) {
            if (entry != null) {
                all.addAll(java.util.Arrays.asList(entry.split(",")));
            }
        }
        return all;
    }

    private void put(String[] list, Action action) {
        for (String word : words(list)) {
            String normal = normal(word);
            if (!normal.isEmpty()) {
                words.put(normal, new Match(action, normal, null));
            }
        }
    }

    /** "en:HELP" → {en, HELP}; a keyword without a language is English's. */
    private static String[] languageAnd(String entry) {
        if (entry == null || entry.isBlank()) {
            return null;
        }
        int colon = entry.indexOf(':');
        String language = colon > 0 ? entry.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "en";
        String word = normal(colon > 0 ? entry.substring(colon + 1) : entry);
        return word.isEmpty() ? null : new String[] {language, word};
    }

    private static String[] languageAndText(String entry) {
        if (entry == null) {
            return null;
        }
        int colon = entry.indexOf(':');
        if (colon <= 0 || entry.substring(colon + 1).isBlank()) {
            return null;
        }
        return new String[] {entry.substring(0, colon).strip().toLowerCase(Locale.ROOT), entry.substring(colon + 1).strip()};
    }

    static String normal(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip().replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
        return trimmed.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** The keyword a reply starts with (or is), if any. */
    public Optional<Match> match(String text) {
        String whole = normal(text);
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        Match exact = words.get(whole);
        if (exact != null) {
            return Optional.of(exact);
        }
        String first = normal(whole.split(" ", 2)[0]);
        return Optional.ofNullable(words.get(first));
    }

    /** The help answer in a language, else the first configured; empty when none is configured. */
    public Optional<String> helpAnswer(String language) {
        String answer = language == null ? null : answers.get(language);
        if (answer == null && !answers.isEmpty()) {
            answer = answers.values().iterator().next();
        }
        return Optional.ofNullable(answer);
    }

    /** Every keyword, for a listing. */
    public Set<String> all() {
        return new HashSet<>(words.keySet());
    }
}
