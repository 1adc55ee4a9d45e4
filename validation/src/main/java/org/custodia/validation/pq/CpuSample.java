package org.custodia.validation.pq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process and the whole machine have used so far, from Linux's {@code /proc} (clock ticks of
 * 10 ms, as {@code getconf CLK_TCK} gives here): how much of the server's CPU a benchmark level costs per
 * unit, and how busy the machine was, which a latency figure alone cannot tell apart from noise.
 *
 * @param processMs user + system time of the process, or -1 when it could not be read
 * @param machineBusyMs user, nice, system, irq, softirq and steal time of all cores
 * @param machineTotalMs the same plus idle and I/O wait
 */
record CpuSample(long processMs, long machineBusyMs, long machineTotalMs) {

  static final long MS_PER_TICK = 10;

  /** Now, for the process whose PID {@code pidFile} holds (-1 when there is none). */
  static CpuSample now(Path pidFile) {
    long[] machine = machine();
    return new CpuSample(processMs(pidFile), machine[0], machine[1]);
  }

  /** The process's CPU time since {@code before}, in ms, or -1 when either sample has none. */
  long processMsSince(CpuSample before) {
    return processMs < 0 || before.processMs < 0 ? -1 : processMs - before.processMs;
  }

  /** The share of the machine's cores busy since {@code before}, in per cent. */
  double machineBusyPercentSince(CpuSample before) {
    long total = machineTotalMs - before.machineTotalMs;
    return total <= 0 ? -1 : 100.0 * (machineBusyMs - before.machineBusyMs) / total;
  }

  static long processMs(Path pidFile) {
    try {
      if (!Files.isRegularFile(pidFile)) {
        return -1;
      }
      return processMs(Long.parseLong(Files.readString(pidFile).trim()));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** User + system time of the process {@code pid} so far, in ms, or -1 when it could not be read. */
  static long processMs(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the fields after the command name (which may hold spaces) in parentheses: state is field 3
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...
      long busy = 0;
      long total = 0;
      for (int i = 1; i <= 8 && i < f.length; i++) {
        long v = Long.parseLong(f[i]);
        total += v;
        if (i != 4 && i != 5) {
          busy += v;
        }
      }
      return new long[] {busy * MS_PER_TICK, total * MS_PER_TICK};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
