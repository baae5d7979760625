package org.poltwt.tweet.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Line splitting agrees with the obvious one, whatever the read sizes and the buffer limits. */
class Utf8LinesProperties {

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.bytes()),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.of((byte) '\n', (byte) 0x0B, (byte) 0x8A, (byte) 0x09, (byte) 0x00)))
        .array(byte[].class)
        .ofMaxSize(200);
  }

  @Property
  void findsTheFirstNewlineLikeALoop(
      @ForAll("bytes") byte[] b, @ForAll @IntRange(max = 20) int from) {
    int start = Math.min(from, b.length);
    int expected = -1;
    for (int i = start; i < b.length; i++) {
      if (b[i] == '\n') {
        expected = i;
        break;
      }
    }

    assertThat(Utf8Lines.indexOfNewline(b, start, b.length)).isEqualTo(expected);
  }

  @Property
  void splitsLinesLikeStringSplit(
      @ForAll("bytes") byte[] b,
      @ForAll @IntRange(min = 1, max = 17) int chunk,
      @ForAll @IntRange(min = 1, max = 40) int maxLine)
      throws IOException {
    Utf8Lines lines = new Utf8Lines(new Trickle(b, chunk), maxLine);
    List<String> actual = new ArrayList<>();
    while (lines.next()) {
      byte[] line = Arrays.copyOfRange(lines.buffer(), lines.lineStart(), lines.lineEnd());
      actual.add(
          lines.tooLong()
              ? "TOO LONG " + lines.lineNumber()
              : lines.lineNumber() + " " + Arrays.toString(line));
    }

    List<String> expected = new ArrayList<>();
    int start = startsWithBom(b) ? 3 : 0;
    int number = 0;
    for (int i = start; i <= b.length; i++) {
      if (i == b.length && i == start) {
        break;
      }
      if (i == b.length || b[i] == '\n') {
        number++;
        byte[] line = Arrays.copyOfRange(b, start, i);
        expected.add(
            line.length > maxLine ? "TOO LONG " + number : number + " " + Arrays.toString(line));
        start = i + 1;
      }
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Property
  void encodesCharactersAsUtf8(@ForAll String s, @ForAll @IntRange(min = 1, max = 9) int chunk)
      throws IOException {
    InputStream in = new Utf8Lines.Utf8(new StringReader(s));
    byte[] buf = new byte[chunk];
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int n; (n = in.read(buf, 0, chunk)) >= 0; ) {
      out.write(buf, 0, n);
    }

    assertThat(out.toByteArray()).isEqualTo(s.getBytes(UTF_8));
  }

  private static boolean startsWithBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /** Hands out at most {@code chunk} bytes per read, as a pipe or a socket may. */
  private static final class Trickle extends ByteArrayInputStream {
    private final int chunk;

    Trickle(byte[] b, int chunk) {
      super(b);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
