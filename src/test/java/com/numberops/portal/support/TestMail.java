package com.numberops.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The SMTP server of a test JVM: the portal's mail sender points at a free port of this machine,
 * chosen once per JVM, where a test that reads e-mails starts GreenMail (AlertEmailTests). Nothing
 * listens there otherwise, and no other test sends e-mail.
 */
public final class TestMail {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = freePort();

	private TestMail() {
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}
}
