package org.ventrack.patient.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ventrack.platform.peers.Peer;
import org.ventrack.platform.peers.PeerClient;
import org.ventrack.platform.peers.PeerResponse;
import org.ventrack.platform.problem.ProblemException;

import io.quarkus.logging.Log;

/**
 * Hands a patient's assessments to response-service and drug levels to pk-service through their REST APIs with the
 * caller's token, so each record passes its owner's validation, scoping and audit. Before the first record it waits
 * (bounded, {@code ventrack.imports.peer-wait}) until the peer has applied as many of the patient's events as
 * patient-service has records of the patient, so the record is judged against the patient's whole timeline. A record
 * the peer already has (same natural key) is not sent again.
 */
@ApplicationScoped
class PeerRecordSender {

    private static final String COUNT_EVENTS = """
            SELECT 1 + (SELECT count(*) FROM body_measurement WHERE patient_id = ?)
                     + (SELECT count(*) FROM comedication WHERE patient_id = ?)
                     + (SELECT count(*) FROM treatment_course WHERE patient_id = ?)
                     + (SELECT count(*) FROM adverse_event WHERE patient_id = ?)
                     + (SELECT count(*) FROM clinical_event WHERE patient_id = ?)""";

    @Inject
    PeerClient peers;
    @Inject
    ImportsConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    DataSource dataSource;

    /** Sends the records, each peer's in date order; one outcome per record. Call outside any transaction. */
    List<RecordOutcome> send(UUID patientId, List<LocalPlan.PeerRecord> records, ImportCaller caller) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        if (records.isEmpty()) {
            return outcomes;
        }
        if (!caller.hasToken()) {
            records.forEach(r -> outcomes.add(new RecordOutcome(r.section(), r.index(), r.key(), RecordOutcome.Status.DEFERRED,
                    null, "waits for its owner's token: resume the job (POST /api/v1/imports/{id}/resume)", null, null)));
            return outcomes;
        }
        long expectedEvents = storedEvents(patientId);
        for (Peer peer : Peer.values()) {
            List<LocalPlan.PeerRecord> mine = records.stream().filter(r -> r.section().owner().orElse(null) == peer)
                    .sorted(java.util.Comparator.comparing(r -> r.body().path(r.section().dateField()).asText()))
                    .toList();
            if (!mine.isEmpty()) {
                outcomes.addAll(sendTo(peer, patientId, expectedEvents, mine, caller.token()));
            }
        }
        return outcomes;
    }

    private List<RecordOutcome> sendTo(Peer peer, UUID patientId, long expectedEvents, List<LocalPlan.PeerRecord> records,
            String token) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        try {
            String waited = awaitFacts(peer, patientId, expectedEvents, token);
            if (waited != null) {
                records.forEach(r -> outcomes.add(new RecordOutcome(r.section(), r.index(), r.key(),
                        RecordOutcome.Status.REJECTED, r.section().jsonName() + "[" + r.index() + "]", waited, 503, null)));
                return outcomes;
            }
            Set<String> present = presentKeys(peer, patientId, records.get(0).section(), token);
            for (LocalPlan.PeerRecord r : records) {
                if (present.contains(r.key())) {
                    outcomes.add(RecordOutcome.of(r.section(), r.index(), r.key(), RecordOutcome.Status.UNCHANGED));
                    continue;
                }
                ObjectNode body = ((ObjectNode) r.body()).deepCopy();
                body.put("patientId", patientId.toString());
                PeerResponse answer = peers.send(peer, "POST", postPath(r.section()), json.writeValueAsString(body), token);
                if (answer.successful()) {
                    present.add(r.key());
                    outcomes.add(new RecordOutcome(r.section(), r.index(), r.key(), RecordOutcome.Status.APPLIED, null, null,
                            answer.status(), null));
                } else {
                    outcomes.add(refused(r, answer));
                }
            }
        } catch (ProblemException e) {
            // unreachable or slow peer: what was not sent is reported, nothing is retried behind the caller's back
            Set<Integer> done = new HashSet<>();
            outcomes.forEach(o -> done.add(o.index()));
            for (LocalPlan.PeerRecord r : records) {
                if (!done.contains(r.index())) {
                    outcomes.add(new RecordOutcome(r.section(), r.index(), r.key(), RecordOutcome.Status.REJECTED,
                            r.section().jsonName() + "[" + r.index() + "]", e.problem().detail(), e.problem().status(), null));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable answer from " + peer.serviceName(), e);
        }
        return outcomes;
    }

    private RecordOutcome refused(LocalPlan.PeerRecord r, PeerResponse answer) {
        String prefix = r.section().jsonName() + "[" + r.index() + "]";
        JsonNode problem = null;
        String field = prefix;
        String reason = r.section().owner().map(Peer::serviceName).orElse("peer") + " answered " + answer.status();
        try {
            problem = json.readTree(answer.body());
            JsonNode firstError = problem.path("errors").path(0);
            if (firstError.has("field")) {
                field = prefix + "." + firstError.path("field").asText();
                reason = firstError.path("message").asText();
            } else if (problem.hasNonNull("detail")) {
                reason = problem.path("detail").asText();
            }
        } catch (java.io.IOException | RuntimeException e) {
            problem = null;
        }
        return new RecordOutcome(r.section(), r.index(), r.key(), RecordOutcome.Status.REJECTED, field, reason,
                answer.status(), problem);
    }

    /** Null once the peer has caught up; otherwise why not. */
    private String awaitFacts(Peer peer, UUID patientId, long expectedEvents, String token) throws java.io.IOException {
        long deadline = System.nanoTime() + config.peerWait().toNanos();
        long pause = 50;
        PeerResponse last;
        while (true) {
            last = peers.send(peer, "GET", "/api/v1/patients/" + patientId + "/facts", null, token);
            if (last.status() == 200 && json.readTree(last.body()).path("eventsApplied").asLong() >= expectedEvents) {
                return null;
            }
            if (last.status() == 401 || last.status() == 403) {
                return peer.serviceName() + " refused the caller's token (" + last.status() + ")";
            }
            if (System.nanoTime() > deadline) {
                Log.warnf("import: %s has not caught up with patient %s within %s", peer.serviceName(), patientId, config.peerWait());
                return peer.serviceName() + " has not applied the patient's " + expectedEvents + " events within "
                        + config.peerWait().toSeconds() + " s (last answer " + last.status() + "); import the file again later";
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for " + peer.serviceName();
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    private Set<String> presentKeys(Peer peer, UUID patientId, Section section, String token) throws java.io.IOException {
        String path = "/api/v1/patients/" + patientId + (section == Section.ASSESSMENTS ? "/assessments" : "/pk-samples");
        Set<String> keys = new HashSet<>();
        for (int page = 0;; page++) {
            PeerResponse answer = peers.send(peer, "GET", path + "?size=200&page=" + page, null, token);
            if (!answer.successful()) {
                throw new ProblemException(org.ventrack.platform.problem.Problem.of(503, "peer-unavailable",
                        "Peer service unavailable", peer.serviceName() + " did not list the patient's records (" + answer.status() + ")"));
            }
            JsonNode body = json.readTree(answer.body());
            JsonNode items = body.isArray() ? body : body.path("items");
            items.forEach(item -> keys.add(DocumentChecker.keyText(section, item)));
            if (body.isArray() || items.size() < 200 || (long) (page + 1) * 200 >= body.path("total").asLong()) {
                return keys;
            }
        }
    }

    private static String postPath(Section section) {
        return section == Section.ASSESSMENTS ? "/api/v1/assessments" : "/api/v1/pk/samples";
    }

    private long storedEvents(UUID patientId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(COUNT_EVENTS)) {
            for (int i = 1; i <= 5; i++) {
                s.setObject(i, patientId);
            }
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the records of patient " + patientId, e);
        }
    }
}
