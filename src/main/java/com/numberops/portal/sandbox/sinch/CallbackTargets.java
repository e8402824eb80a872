package com.numberops.portal.sandbox.sinch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where the simulated Sinch may send callbacks. The sandbox is public (anyone may PATCH a
 * callbackUrl) and runs inside the portal, so an open callbackUrl would let anybody make the
 * portal's host call any address, loopback and private networks included (server-side request
 * forgery). Only two kinds of target are allowed: one of the portal's own webhook URLs (exactly:
 * scheme, host, port and path, no user info, query or fragment), or any http(s) URL on a host an
 * admin allowed by name ({@code portal.sandbox.callback-hosts}). Names are compared as written,
 * never resolved: allowing {@code localhost} does not allow {@code 127.0.0.1}.
 */
final class CallbackTargets {

	private CallbackTargets() {
	}

	static boolean allowed(String url, Collection<String> ownUrls, Collection<String> allowedHosts) {
		URI target = parse(url);
		if (target == null) {
			return false;
		}
		String host = host(target);
		if (allowedHosts.stream().anyMatch(allowed -> allowed.strip().toLowerCase(Locale.ROOT).equals(host))) {
			return true;
		}
		return ownUrls.stream().map(CallbackTargets::parse).anyMatch(own -> own != null && same(own, target));
	}

	/** An absolute http(s) URL with a host and without user info, else null. */
	static @Nullable URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException invalid) {
			return null;
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return null;
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			return null;
		}
		return uri;
	}

	private static boolean same(URI own, URI target) {
		return own.getScheme().equalsIgnoreCase(target.getScheme()) && host(own).equals(host(target))
				&& port(own) == port(target) && own.getRawPath().equals(target.getRawPath())
				&& target.getRawQuery() == null && target.getRawFragment() == null;
	}

	private static String host(URI uri) {
		String host = String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT);
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}
}
