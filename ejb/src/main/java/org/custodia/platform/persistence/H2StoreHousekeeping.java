package org.custodia.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.message.DbException;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.h2.mvstore.db.Store;

/**
 * The housekeeping H2's store no longer does itself on the embedded default (OPS-1): with {@code
 * WRITE_DELAY=0}, which makes every commit durable before it returns, H2 runs no background writer, and only
 * that thread rewrites chunks whose pages are mostly superseded and moves chunks into the holes of the file
 * (H2 issue 442). Without it the file only grows and fragments: a fresh copy of the downstream benchmark's
 * set grew from 846 MiB to 2.9 GB in one 4-minute VRS run, and the set the benchmarks had used for two
 * sessions was at 7 GB with 25 % of its chunks live and 24,600 holes, which every commit searched for room
 * for its chunk (a fifth of the server's samples in {@code FreeSpaceBitSet.allocate}).
 *
 * <p>A pass does what H2's background writer does, through H2's public store API, within a budget: when
 * the chunks' fill rate is under {@link Settings#chunkFillRate} it rewrites the live pages of the emptiest
 * chunks (at most {@link Settings#rewriteBytes}), and when the file's fill rate is under {@link
 * Settings#fileFillRate} it moves chunks from the end of the file into its holes (at most {@link
 * Settings#moveBytes}). Both run under H2's own store locks, beside the sessions' commits, as the background
 * writer did. This class touches H2's classes and is only loaded when the datasource is H2.
 */
public final class H2StoreHousekeeping {

  /**
   * Thresholds and budgets of one pass.
   *
   * @param chunkFillRate rewrite chunks while the live share of the chunks' space is under this (percent)
   * @param fileFillRate move chunks while the chunks' share of the file is under this (percent)
   * @param rewriteBytes at most this much live data rewritten per pass
   * @param moveBytes at most this much of chunks moved per pass
   */
  public record Settings(int chunkFillRate, int fileFillRate, int rewriteBytes, int moveBytes) {

    /**
     * The server's: gentle on purpose. On the VRS benchmark (validation/pq/README.md, sixteenth session),
     * 60 % and 4 MiB a pass kept the chunks 90 % live but cost the responder 40 % of its throughput; these
     * cost nothing measurable there.
     */
    public static final Settings DEFAULTS = new Settings(40, 50, 1 << 20, 2 << 20);
  }

  /**
   * What a pass found and did.
   *
   * @param chunkFillRate the chunks' live share before the pass (percent)
   * @param fileFillRate the chunks' share of the file before the pass (percent)
   * @param fileBytes the file's size after the pass
   * @param rewrote whether chunks were rewritten
   * @param moved whether chunks were moved
   */
  public record Pass(int chunkFillRate, int fileFillRate, long fileBytes, boolean rewrote, boolean moved) {}

  private H2StoreHousekeeping() {}

  /**
   * The store behind an H2 connection (embedded: the session's own database), or null when it has none or
   * is closed (H2 closes its database on the JVM's exit, before the application stops).
   */
  public static MVStore storeOf(Connection connection) throws SQLException {
    JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
    if (!(h2.getSession() instanceof SessionLocal local)) {
      return null; // a client of an H2 server: its store is in the other process
    }
    try {
      Store store = local.getDatabase().getStore();
      return store == null ? null : store.getMvStore();
    } catch (DbException e) {
      if (e.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED) {
        return null;
      }
      throw e;
    }
  }

  /** One pass over {@code store}; null when the store is closed, in memory or read-only. */
  public static Pass run(MVStore store, Settings settings) {
    FileStore<?> files = store == null || store.isClosed() ? null : store.getFileStore();
    if (files == null || files.isReadOnly()) {
      return null;
    }
    int chunkFill = files.getChunksFillRate();
    int fileFill = files.getFillRate();
    boolean rewrote = chunkFill < settings.chunkFillRate()
        && store.compact(settings.chunkFillRate(), settings.rewriteBytes());
    boolean moved = false;
    if (fileFill < settings.fileFillRate() && files instanceof RandomAccessStore random) {
      random.compactMoveChunks(settings.fileFillRate(), settings.moveBytes(), store);
      moved = true;
    }
    return new Pass(chunkFill, fileFill, files.size(), rewrote, moved);
  }
}
