package com.numberops.portal.sync.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * {@code X-Sinch-Signature}: the hex HMAC-SHA1 of the exact raw body, keyed with the callback
 * secret. Checked on the bytes as received (never on re-serialised JSON), in constant time.
 */
public final class SinchSignature {

	public static final String HEADER = "X-Sinch-Signature";

	private static final String ALGORITHM = "HmacSHA1";

	private SinchSignature() {
	}

	/** Lower-case hex HMAC-SHA1 of {@code body}. */
	public static String sign(byte[] body, String secret) {
		return HexFormat.of().formatHex(mac(body, secret));
	}

	/**
	 * Whether {@code signature} (hex, either case) is the HMAC-SHA1 of {@code body} under
	 * {@code secret}. No signature, a blank secret, or anything that is not hex: false. The
	 * comparison takes the same time wherever the first differing byte is.
	 */
	public static boolean matches(byte[] body, @Nullable String signature, String secret) {
		if (signature == null || secret.isEmpty()) {
			return false;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.strip());
		}
		catch (IllegalArgumentException notHex) {
			return false;
		}
		return MessageDigest.isEqual(mac(body, secret), given);
	}

	private static byte[] mac(byte[] body, String secret) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException impossible) {
			// HmacSHA1 is a mandatory JCA algorithm; a non-empty key is always valid for it
			throw new IllegalStateException(impossible);
		}
	}
}
