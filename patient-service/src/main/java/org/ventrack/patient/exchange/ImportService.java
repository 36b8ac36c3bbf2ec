package org.ventrack.patient.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ventrack.platform.problem.Problem;
import org.ventrack.platform.problem.ProblemException;

/**
 * Accepts uploads (whole-file checks before a job exists: size, UTF-8, format, header), creates their jobs and shows
 * them to their owners only.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    ImportJobStore store;
    @Inject
    ImportWorker worker;
    @Inject
    ImportsConfig config;
    @Inject
    Instance<ImportFormat> formats;

    /** Checks the upload and queues its job; 400/403/413/415 problems before anything is stored. */
    public ImportJob upload(InputStream body, String contentType, String recordType, boolean dryRun, ImportCaller caller) {
        if (!caller.writesAnySite()) {
            throw ProblemException.forbidden("You may not write patient data of any site, so you may not import.");
        }
        ImportFormat format = format(contentType);
        String text = utf8(read(body));
        if (text.isBlank()) {
            throw ProblemException.invalid("file", "is empty");
        }
        long rows = format.check(text, recordType);
        UUID id = UUID.randomUUID();
        create(id, caller, format, recordType, dryRun, rows, text);
        worker.submit(id, caller);
        return store.find(id, caller.name()).orElseThrow();
    }

    @Transactional
    void create(UUID id, ImportCaller caller, ImportFormat format, String recordType, boolean dryRun, long rows, String text) {
        store.create(id, caller, format.name(), format.name().equals("CSV") ? recordType : null, dryRun, rows, text);
    }

    /** The caller's job with one page of its rejected rows; empty when it is not the caller's. */
    public Optional<ImportJob> find(UUID id, String owner, int page, int size) {
        int pageSize = Math.max(1, Math.min(size <= 0 ? config.rejectionsPageSize() : size, 1000));
        return store.find(id, owner).map(job -> job.withRejections(store.rejections(id, Math.max(0, page), pageSize)));
    }

    public List<ImportJob> ofOwner(String owner) {
        return store.ofOwner(owner, 100);
    }

    /**
     * Gives the job the owner's token: a job AWAITING_RESUME (or interrupted) runs again, sending its pending peer
     * records; a running one uses the token from its next chunk. 409 for a job that has ended.
     */
    public Optional<ImportJob> resume(UUID id, ImportCaller caller) {
        Optional<ImportJob> job = store.find(id, caller.name());
        if (job.isEmpty()) {
            return job;
        }
        ImportJob.State state = job.get().state();
        if (state == ImportJob.State.SUCCEEDED || state == ImportJob.State.FAILED) {
            throw ProblemException.conflict("Import " + id + " has ended (" + state + "); upload the file again to retry "
                    + "its rejected rows (rows already applied come out unchanged).");
        }
        worker.submit(id, caller);
        return store.find(id, caller.name());
    }

    private ImportFormat format(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return formats.stream().filter(f -> f.reads(mediaType)).findFirst().orElseThrow(() -> new ProblemException(
                Problem.of(415, "unsupported-media-type", "Unsupported upload format",
                        "An import is text/csv (with ?type=), application/x-ndjson (one patient document per line)"
                                + formats.stream().map(ImportFormat::name).filter(n -> !n.equals("CSV") && !n.equals("NDJSON"))
                                        .map(n -> " or " + n).reduce("", String::concat)
                                + ", not '" + mediaType + "'.")));
    }

    private byte[] read(InputStream body) {
        long limit = config.maxUploadBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > limit) {
                    throw new ProblemException(Problem.of(413, "upload-too-large", "Upload too large",
                            "An import file may have at most " + limit + " bytes (ventrack.imports.max-upload-bytes); "
                                    + "split it into several uploads."));
                }
            }
        } catch (IOException e) {
            throw ProblemException.invalid("file", "could not be read: " + e.getMessage());
        }
        return out.toByteArray();
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalidOffset(bytes);
            throw ProblemException.invalid("file", "is not UTF-8 text (an invalid byte sequence at byte offset " + offset
                    + "); save it as UTF-8, e.g. \"CSV UTF-8\" in a spreadsheet");
        }
    }

    private static int firstInvalidOffset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }
}
