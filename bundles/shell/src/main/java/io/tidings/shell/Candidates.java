package io.tidings.shell;

import java.util.List;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** What the name completers share: complete the word being typed from a list of names. */
final class Candidates {

    private Candidates() {
    }

    /** @param names the names, or null when the service that knows them is not running */
    static int complete(Session session, CommandLine commandLine, List<String> candidates, Stream<String> names) {
        StringsCompleter completer = new StringsCompleter();
        if (names != null) {
            names.forEach(completer.getStrings()::add);
        }
        return completer.complete(session, commandLine, candidates);
    }
}
