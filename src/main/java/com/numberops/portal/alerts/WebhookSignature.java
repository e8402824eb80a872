package com.numberops.portal.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code X-Portal-Signature: sha256=<hex>}, the HMAC-SHA256
 * with the channel's secret over {@code <X-Portal-Timestamp>.<body>}. The timestamp is signed so a
 * receiver can refuse old deliveries replayed (README "Alerts" has the receiver's recipe).
 */
public final class WebhookSignature {

	public static final String HEADER = "X-Portal-Signature";

	public static final String TIMESTAMP = "X-Portal-Timestamp";

	public static final String DELIVERY = "X-Portal-Delivery";

	private WebhookSignature() {
	}

	public static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HmacSHA256 is in every JDK", impossible);
		}
	}

	/** Whether a header's value is this body's signature (compared in constant time). */
	public static boolean verifies(String secret, long timestamp, String body, String header) {
		return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
				header.getBytes(StandardCharsets.UTF_8));
	}
}
