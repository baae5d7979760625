package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Splits UTF-8 input into lines without decoding it, holding at most one line (up to a limit) and
 * one read buffer. Lines end at {@code \n}; a {@code \r} before it is left to the JSON parser,
 * which reads it as white space.
 */
final class Utf8Lines {
  private static final int INITIAL_CAPACITY = 1 << 16;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final InputStream in;
  private final int maxLineLength;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;
  private boolean skipping;
  private long lineNumber;
  private int lineStart;
  private int lineEnd;
  private boolean tooLong;

  /** Counts the times buffered bytes moved or were dropped, for {@link #generation()}. */
  private long generation;

  Utf8Lines(InputStream in, int maxLineLength) {
    this.in = in;
    this.maxLineLength = maxLineLength;
    this.buf = new byte[Math.max(4, Math.min(INITIAL_CAPACITY, maxLineLength + 1))];
  }

  /**
   * Moves to the next line. A line longer than the limit is {@link #tooLong()}; it then holds only
   * its first bytes, and the rest of it is skipped.
   *
   * @return false at the end of the input
   */
  boolean next() throws IOException {
    if (skipping) {
      skipping = false;
      if (!skipPastNewline()) {
        return false;
      }
    }
    start();
    int scan = pos;
    while (true) {
      int i = indexOfNewline(buf, scan, limit);
      if (i >= 0) {
        return line(pos, i, i + 1, i - pos > maxLineLength);
      }
      if (limit - pos > maxLineLength) {
        skipping = true;
        return line(pos, limit, limit, true);
      }
      if (eof) {
        return pos < limit && line(pos, limit, limit, false);
      }
      scan = limit - pos;
      compact();
      if (limit == buf.length) {
        generation++;
        // Here limit <= maxLineLength, so the buffer grows to at most maxLineLength + 1 bytes.
        buf = Arrays.copyOf(buf, (int) Math.min(maxLineLength + 1L, buf.length * 2L));
      }
      fill();
    }
  }

  /** The index of the first {@code \n} in {@code b[from, to)}, or -1; eight bytes at a time. */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long v = (long) LONGS.get(b, i) ^ NEWLINES;
      // A zero byte of v (a newline of b) sets its high bit here; a borrow can also set the high
      // bit of a byte above a zero byte, but never below one, so the lowest bit set is exact.
      long found = (v - ONES) & ~v & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean line(int start, int end, int nextPos, boolean overLimit) {
    lineStart = start;
    lineEnd = end;
    pos = nextPos;
    tooLong = overLimit;
    lineNumber++;
    return true;
  }

  /** The 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** Whether the current line is longer than the limit; it then holds only the limit's worth. */
  boolean tooLong() {
    return tooLong;
  }

  /** The current line's bytes are {@code buffer()[lineStart(), lineEnd())}. */
  byte[] buffer() {
    return buf;
  }

  int lineStart() {
    return lineStart;
  }

  int lineEnd() {
    return lineEnd;
  }

  /**
   * Changes whenever bytes already buffered may have moved, so that a range of {@link #buffer()}
   * seen under one generation holds the same bytes while the generation is the same.
   */
  long generation() {
    return generation;
  }

  /**
   * The end of the whole lines buffered from the current line on: past the last buffered newline,
   * or the end of the input once it has all been read. Holds at least the current line.
   */
  int wholeLinesEnd() {
    if (eof) {
      return limit;
    }
    for (int i = limit - 1; i >= lineEnd; i--) {
      if (buf[i] == '\n') {
        return i + 1;
      }
    }
    return lineEnd;
  }

  /** Whether the current line holds only JSON white space from {@code at} (a buffer index) on. */
  boolean blankFrom(int at) {
    for (int i = at; i < lineEnd; i++) {
      byte c = buf[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return false;
      }
    }
    return true;
  }

  /** Whether the current line holds only JSON white space. */
  boolean blank() {
    return firstSignificant() < 0;
  }

  /** The current line's first byte that is not JSON white space, or -1. */
  int firstSignificant() {
    for (int i = lineStart; i < lineEnd; i++) {
      byte c = buf[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return c & 0xFF;
      }
    }
    return -1;
  }

  /**
   * The rest of the input from the current line's start (or from the start of the input before the
   * first line), for reading it as one document. This line source must not be used after.
   */
  InputStream rest() throws IOException {
    start();
    int from = lineNumber == 0 ? pos : lineStart;
    skipping = false;
    generation++;
    return new Rest(buf, from, limit, eof ? InputStream.nullInputStream() : in);
  }

  /** The number of lines before the one {@link #rest()} starts with. */
  long linesBeforeRest() {
    return lineNumber == 0 ? 0 : lineNumber - 1;
  }

  private void start() throws IOException {
    if (started) {
      return;
    }
    started = true;
    while (limit < 3 && !eof) {
      fill();
    }
    if (limit >= 3
        && (buf[0] & 0xFF) == 0xEF
        && (buf[1] & 0xFF) == 0xBB
        && (buf[2] & 0xFF) == 0xBF) {
      pos = 3;
    }
  }

  private boolean skipPastNewline() throws IOException {
    while (true) {
      int i = indexOfNewline(buf, pos, limit);
      if (i >= 0) {
        pos = i + 1;
        return true;
      }
      pos = 0;
      limit = 0;
      generation++;
      if (eof) {
        return false;
      }
      fill();
    }
  }

  private void compact() {
    if (pos > 0) {
      generation++;
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
  }

  private void fill() throws IOException {
    int n;
    do {
      n = in.read(buf, limit, buf.length - limit);
    } while (n == 0);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /** Buffered bytes, then the rest of the stream; never closes the stream. */
  private static final class Rest extends InputStream {
    private final byte[] head;
    private int at;
    private final int end;
    private final InputStream tail;

    Rest(byte[] head, int from, int end, InputStream tail) {
      this.head = head;
      this.at = from;
      this.end = end;
      this.tail = tail;
    }

    @Override
    public int read() throws IOException {
      return at < end ? head[at++] & 0xFF : tail.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (at < end) {
        int n = Math.min(len, end - at);
        System.arraycopy(head, at, b, off, n);
        at += n;
        return n;
      }
      return tail.read(b, off, len);
    }

    @Override
    public void close() {
      // The caller owns the stream.
    }
  }

  /** A character stream encoded as UTF-8; an unpaired surrogate becomes {@code ?}. */
  static final class Utf8 extends InputStream {
    private final Reader in;
    private final CharsetEncoder encoder =
        UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3 + 16).flip();
    private boolean eof;
    private boolean flushed;

    Utf8(Reader in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return ensureBytes() ? bytes.get() & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!ensureBytes()) {
        return -1;
      }
      int n = Math.min(len, bytes.remaining());
      bytes.get(b, off, n);
      return n;
    }

    private boolean ensureBytes() throws IOException {
      while (!bytes.hasRemaining()) {
        if (flushed) {
          return false;
        }
        if (!eof) {
          chars.compact();
          int n = in.read(chars);
          if (n < 0) {
            eof = true;
          }
          chars.flip();
        }
        bytes.clear();
        encoder.encode(chars, bytes, eof);
        if (eof && !chars.hasRemaining()) {
          encoder.flush(bytes);
          flushed = true;
        }
        bytes.flip();
      }
      return true;
    }

    @Override
    public void close() {
      // The caller owns the reader.
    }
  }
}
