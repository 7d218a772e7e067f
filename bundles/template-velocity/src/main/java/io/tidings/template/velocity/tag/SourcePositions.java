package io.tidings.template.velocity.tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines and columns of a template text, 1-based, counted in characters. Velocity counts a tab as
 * reaching the next multiple of 8; {@link #charColumn} translates its columns so that every error
 * names the same column the editor shows.
 */
public final class SourcePositions {

    private static final int VELOCITY_TAB_SIZE = 8;

    private final String source;
    private final int[] lineStarts;

    public SourcePositions(String source) {
        this.source = source;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\r' && i + 1 < source.length() && source.charAt(i + 1) == '\n') {
                i++;
                starts.add(i + 1);
            } else if (c == '\n' || c == '\r') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public int line(int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The offset of a 1-based line and character column, -1 when outside the text. */
    public int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length || column < 1) {
            return -1;
        }
        int offset = lineStarts[line - 1] + column - 1;
        return offset <= source.length() ? offset : -1;
    }

    /** The character column of a column as Velocity reports it on the given line. */
    public int charColumn(int line, int velocityColumn) {
        if (line < 1 || line > lineStarts.length || velocityColumn < 1) {
            return velocityColumn;
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : source.length();
        int visual = 0;
        for (int i = start; i < end; i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            visual++;
            if (c == '\t') {
                visual--;
                visual += VELOCITY_TAB_SIZE - visual % VELOCITY_TAB_SIZE;
            }
            if (visual >= velocityColumn) {
                return i - start + 1;
            }
        }
        // past the last character: the end of the line (or of the template)
        int length = 0;
        for (int i = start; i < end && source.charAt(i) != '\n' && source.charAt(i) != '\r'; i++) {
            length++;
        }
        return length + 1 + Math.max(0, velocityColumn - visual - 1);
    }
}
