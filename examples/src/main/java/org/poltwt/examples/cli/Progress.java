package org.poltwt.examples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on standard error for long reads: the share of the input's bytes read so far,
 * redrawn in place at each whole percent. Off when the output is not a terminal, unless asked for.
 */
final class Progress {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final long total;
  private final boolean enabled;
  private final String unit;
  private int shown = -1;

  Progress(PrintWriter err, long total, boolean enabled, String unit) {
    this.err = err;
    this.total = Math.max(1, total);
    this.enabled = enabled;
    this.unit = unit;
  }

  static boolean interactive() {
    return System.console() != null;
  }

  /** An input stream that reports its bytes to this bar. */
  InputStream track(InputStream in) {
    return new FilterInputStream(in) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          read++;
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          read += n;
          bytes(read);
        }
        return n;
      }
    };
  }

  private long items;

  void item() {
    items++;
  }

  private void bytes(long read) {
    if (!enabled) {
      return;
    }
    int percent = (int) Math.min(100, read * 100 / total);
    if (percent != shown) {
      shown = percent;
      int filled = percent * WIDTH / 100;
      err.printf(
          Locale.ROOT,
          "\r[%s%s] %3d%% %,d %s",
          "#".repeat(filled),
          ".".repeat(WIDTH - filled),
          percent,
          items,
          unit);
      err.flush();
    }
  }

  void finish() {
    if (enabled) {
      shown = -1;
      bytes(total);
      err.println();
      err.flush();
    }
  }
}
