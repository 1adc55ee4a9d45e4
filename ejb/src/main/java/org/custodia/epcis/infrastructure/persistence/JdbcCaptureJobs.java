package org.custodia.epcis.infrastructure.persistence;

import org.custodia.platform.Jsonp;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.custodia.epcis.domain.CaptureError;
import org.custodia.epcis.domain.CaptureJob;
import org.custodia.platform.Jndi;

/** Capture jobs and their staged documents, in JDBC on the container's datasource. */
@ApplicationScoped
public class JdbcCaptureJobs {

  private static final String COLUMNS =
      "id, capture_id, status, success, error_behaviour, media_type, document_size, event_count,"
          + " stored_count, known_count, errors, captured_by, created_at, finished_at";

  @Resource(lookup = Jndi.DATASOURCE)
  DataSource dataSource;

  public JdbcCaptureJobs() {}

  /** For tests outside the container. */
  public JdbcCaptureJobs(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A new job with its document streamed from {@code body} into the database; returns the job. The caller's
   * transaction holds both, so a failed upload leaves nothing behind.
   */
  public CaptureJob create(
      String captureId, String behaviour, String mediaType, InputStream body, String capturedBy)
      throws IOException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = dataSource.getConnection()) {
      long id;
      try (PreparedStatement ps = c.prepareStatement("SELECT capture_job_seq.NEXTVAL FROM dual");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO capture_job (id, capture_id, status, success, error_behaviour, media_type,"
                  + " document_size, captured_by, created_at) VALUES (?, ?, 'RECEIVED', 1, ?, ?, 0, ?, ?)")) {
        ps.setLong(1, id);
        ps.setString(2, captureId);
        ps.setString(3, behaviour);
        ps.setString(4, mediaType);
        ps.setString(5, capturedBy);
        ps.setObject(6, now);
        ps.executeUpdate();
      }
      CountingInputStream counted = new CountingInputStream(body);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO capture_document (job_id, content) VALUES (?, ?)")) {
        ps.setLong(1, id);
        ps.setBinaryStream(2, counted);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE capture_job SET document_size = ? WHERE id = ?")) {
        ps.setLong(1, counted.count());
        ps.setLong(2, id);
        ps.executeUpdate();
      }
      return find(c, captureId).orElseThrow();
    } catch (SQLException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("storing the capture document failed: " + e.getMessage(), e);
    }
  }

  public Optional<CaptureJob> find(String captureId) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, captureId);
    } catch (SQLException e) {
      throw new IllegalStateException("reading capture job failed: " + e.getMessage(), e);
    }
  }

  /** The newest jobs first. */
  public List<CaptureJob> recent(int limit) {
    List<CaptureJob> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM capture_job ORDER BY id DESC")) {
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map(rs));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading capture jobs failed: " + e.getMessage(), e);
    }
    return out;
  }

  private Optional<CaptureJob> find(Connection c, String captureId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM capture_job WHERE capture_id = ?")) {
      ps.setString(1, captureId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /** Copies the staged document of a job into {@code target}. */
  public void copyDocument(long jobId, Path target) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT content FROM capture_document WHERE job_id = ?")) {
      ps.setLong(1, jobId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("capture job " + jobId + " has no staged document");
        }
        try (InputStream in = rs.getBinaryStream(1)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the capture document failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void markRunning(long jobId) {
    update("UPDATE capture_job SET status = 'RUNNING' WHERE id = ? AND status <> 'DONE'", jobId);
  }

  /** Ends a job: its outcome, counts and errors; the staged document is no longer needed. */
  public void finish(long jobId, boolean success, int events, int stored, int known, List<CaptureError> errors) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE capture_job SET status = 'DONE', success = ?, event_count = ?, stored_count = ?,"
                  + " known_count = ?, errors = ?, finished_at = ? WHERE id = ?")) {
        ps.setInt(1, success ? 1 : 0);
        ps.setInt(2, events);
        ps.setInt(3, stored);
        ps.setInt(4, known);
        if (errors.isEmpty()) {
          ps.setNull(5, Types.CLOB);
        } else {
          ps.setString(5, toJson(errors).toString());
        }
        ps.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
        ps.setLong(7, jobId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM capture_document WHERE job_id = ?")) {
        ps.setLong(1, jobId);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("finishing capture job failed: " + e.getMessage(), e);
    }
  }

  /** The tables that index events by {@code event_pk}; withdrawing an event deletes its rows there first. */
  static final List<String> EVENT_INDEX_TABLES =
      List.of("epcis_event_epc", "epcis_event_biztx", "epcis_event_srcdest", "epcis_event_field");

  /**
   * Removes every event a job stored (rollback of a job that failed while storing) and rebuilds the current
   * state of the objects they named from the events that remain.
   */
  public int deleteEventsOf(long jobId) {
    try (Connection c = dataSource.getConnection()) {
      // the objects the job's events named get their state back from the events that remain
      java.util.Set<String> epcs = new java.util.LinkedHashSet<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT DISTINCT x.epc FROM epcis_event_epc x JOIN epcis_event e ON e.id = x.event_pk"
                  + " WHERE e.capture_job_id = ?")) {
        ps.setLong(1, jobId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            epcs.add(rs.getString(1));
          }
        }
      }
      for (String table : EVENT_INDEX_TABLES) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM " + table + " WHERE event_pk IN (SELECT id FROM epcis_event WHERE capture_job_id = ?)")) {
          ps.setLong(1, jobId);
          ps.executeUpdate();
        }
      }
      int deleted;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM epcis_event WHERE capture_job_id = ?")) {
        ps.setLong(1, jobId);
        deleted = ps.executeUpdate();
      }
      ObjectStateProjection.rebuild(c, epcs);
      return deleted;
    } catch (SQLException e) {
      throw new IllegalStateException("rolling back capture job failed: " + e.getMessage(), e);
    }
  }

  private void update(String sql, long id) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("updating capture job failed: " + e.getMessage(), e);
    }
  }

  private static CaptureJob map(ResultSet rs) throws SQLException {
    String errors = rs.getString(11);
    return new CaptureJob(
        rs.getLong(1),
        rs.getString(2),
        CaptureJob.Status.valueOf(rs.getString(3)),
        rs.getInt(4) == 1,
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        (Integer) rs.getObject(8, Integer.class),
        (Integer) rs.getObject(9, Integer.class),
        (Integer) rs.getObject(10, Integer.class),
        errors == null ? List.of() : fromJson(errors),
        rs.getString(12),
        rs.getObject(13, OffsetDateTime.class),
        rs.getObject(14, OffsetDateTime.class));
  }

  static JsonArray toJson(List<CaptureError> errors) {
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    for (CaptureError e : errors) {
      a.add(Jsonp.JSON.createObjectBuilder()
          .add("eventIndex", e.eventIndex())
          .add("eventID", e.eventId() == null ? "" : e.eventId())
          .add("path", e.path() == null ? "" : e.path())
          .add("rule", e.rule())
          .add("message", e.message()));
    }
    return a.build();
  }

  static List<CaptureError> fromJson(String json) {
    List<CaptureError> out = new ArrayList<>();
    try (JsonReader r = Jsonp.JSON.createReader(new StringReader(json))) {
      for (JsonObject o : r.readArray().getValuesAs(JsonObject.class)) {
        String id = o.getString("eventID", "");
        String path = o.getString("path", "");
        out.add(new CaptureError(o.getInt("eventIndex"), id.isEmpty() ? null : id, path.isEmpty() ? null : path,
            o.getString("rule"), o.getString("message")));
      }
    }
    return out;
  }

  /** Counts the bytes that pass, so the stored size is known without buffering the document. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }
}
