package dev.warden.policy.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends to one journal segment. {@link #channel} writes each entry with a system call, as the
 * syncing modes need; {@link #mapped} copies entries into a memory-mapped window of the file, so
 * an entry is in the operating system's page cache (and survives a crash of the process) without
 * a system call. The mapped file is extended a window at a time and cut back to its content on
 * close; a crash leaves zero bytes after the last entry, which reopening removes.
 */
abstract class SegmentWriter implements java.io.Closeable {

  /** How far a mapped segment is extended at a time. */
  static final int WINDOW = 1 << 20;

  protected final FileChannel ch;
  protected long size;

  private SegmentWriter(FileChannel ch, long size) {
    this.ch = ch;
    this.size = size;
  }

  static SegmentWriter channel(Path file, boolean createNew) throws IOException {
    FileChannel ch = FileChannel.open(file, createNew ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new Channel(ch, ch.size());
  }

  static SegmentWriter mapped(Path file, boolean createNew) throws IOException {
    FileChannel ch = FileChannel.open(file, createNew ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    return new Mapped(ch, ch.size());
  }

  /** Bytes of entries in the segment. */
  final long size() {
    return size;
  }

  abstract void write(byte[] b, int off, int len) throws IOException;

  /** Forces the segment's content to stable storage. */
  abstract void force() throws IOException;

  @Override
  public abstract void close() throws IOException;

  private static final class Channel extends SegmentWriter {
    Channel(FileChannel ch, long size) {
      super(ch, size);
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      size += len;
    }

    @Override
    void force() throws IOException {
      ch.force(false);
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }

  private static final class Mapped extends SegmentWriter {
    private MappedByteBuffer window;

    Mapped(FileChannel ch, long size) {
      super(ch, size);
    }

    @Override
    void write(byte[] b, int off, int len) throws IOException {
      if (window == null || window.remaining() < len) {
        if (window != null) {
          window.force();
        }
        window = ch.map(FileChannel.MapMode.READ_WRITE, size, Math.max(WINDOW, len));
      }
      window.put(b, off, len);
      size += len;
    }

    @Override
    void force() throws IOException {
      if (window != null) {
        window.force();
      }
      ch.force(false);
    }

    @Override
    public void close() throws IOException {
      try {
        if (window != null) {
          window.force();
          window = null;
        }
        ch.truncate(size);
      } finally {
        ch.close();
      }
    }
  }
}
