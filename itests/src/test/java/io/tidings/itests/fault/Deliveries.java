package io.tidings.itests.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import io.tidings.itests.engine.EngineProcess;

/** What the fault tests check: events accepted, emails the real SMTP server received, the record. */
final class Deliveries {

    /** Event ids the nodes answered 202 for. */
    final Set<String> accepted = ConcurrentHashMap.newKeySet();

    /** How many emails the SMTP server received per event id. */
    static Map<String, Integer> received(GreenMail smtp) throws MessagingException {
        Map<String, Integer> byEvent = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String subject = message.getSubject();
            if (subject != null && subject.startsWith(EngineProcess.SUBJECT_PREFIX)) {
                String id = subject.substring(EngineProcess.SUBJECT_PREFIX.length()).replace(" готове", "");
                byEvent.merge(id, 1, Integer::sum);
            }
        }
        return byEvent;
    }

    /** Accepted events whose email has not arrived (yet). */
    Set<String> missing(GreenMail smtp) throws MessagingException {
        Map<String, Integer> received = received(smtp);
        Set<String> missing = new java.util.TreeSet<>(accepted);
        missing.removeAll(received.keySet());
        return missing;
    }

    /** Each event's communication status and reason, as the record holds them. */
    static Map<String, String[]> record(String jdbcUrl, String user) throws Exception {
        Map<String, String[]> byEvent = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event_id, status, status_reason FROM tidings_communication")) {
            while (rs.next()) {
                byEvent.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return byEvent;
    }

    /** Events received more than once whose record does not say the recipient may have it twice. */
    static Collection<String> unflaggedDuplicates(Map<String, Integer> received, Map<String, String[]> record) {
        return received.entrySet().stream().filter(e -> e.getValue() > 1)
                .filter(e -> record.get(e.getKey()) == null || record.get(e.getKey())[1] == null
                        || !record.get(e.getKey())[1].contains("may have it twice"))
                .map(Map.Entry::getKey).sorted().toList();
    }
}
