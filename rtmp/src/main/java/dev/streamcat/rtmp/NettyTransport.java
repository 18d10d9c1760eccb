package dev.streamcat.rtmp;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The socket transport of the ingest listeners: Linux epoll when its native library loads, NIO otherwise.
 *
 * <p>Epoll saves a selector wake-up and a buffer copy per read, which is most of a publisher's cost once
 * the packager is cheap. {@code -Dio.netty.transport.noNative=true} forces NIO.
 */
public final class NettyTransport {
    private NettyTransport() {}

    /** Whether the native epoll transport is in use. */
    public static boolean epoll() {
        return Epoll.isAvailable();
    }

    /** The I/O handler factory for event loop groups. */
    public static IoHandlerFactory ioHandlerFactory() {
        return epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** The server channel class matching {@link #ioHandlerFactory()}. */
    public static Class<? extends ServerSocketChannel> serverChannelClass() {
        return epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** "epoll" or "nio", for logs. */
    public static String name() {
        return epoll() ? "epoll" : "nio";
    }
}
