package io.tidings.webconsole.page;

import java.util.ArrayList;
import java.util.List;

/** A line diff by longest common subsequence: small texts only (a template's fields). */
final class LineDiff {

    /** One line: kept in both, only in the old text (removed) or only in the new (added). */
    record Line(Kind kind, String text) {
    }

    enum Kind {
        SAME, REMOVED, ADDED
    }

    private LineDiff() {
    }

    /** The lines turning {@code before} into {@code after}; null stands for no text. */
    static List<Line> diff(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                // a changed line reads as removed, then added
                lines.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                lines.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        return lines;
    }

    /** Whether the diff changes anything. */
    static boolean changes(List<Line> lines) {
        return lines.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\r?\n", -1);
    }
}
