package com.numberops.portal.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.jspecify.annotations.Nullable;

/**
 * What makes a rule or a channel an admin types acceptable: plain rules, one table of cases each
 * (AlertInputsUnitTest). A problem names the form field and the text (a key of
 * messages.properties) shown next to it; the service refuses the input whole when there is one.
 */
public final class AlertInputs {

	/** One thing wrong: the field it is about and the key of its text. */
	public record Problem(String field, String key) {
	}

	/** A rule as typed. */
	public record Rule(String name, @Nullable RuleKind kind, @Nullable String errorCode, @Nullable Integer threshold,
			@Nullable Integer windowMinutes, Set<Long> channelIds) {
	}

	/** A channel as typed. */
	public record Channel(String name, @Nullable ChannelKind kind, @Nullable String target, @Nullable String secret) {
	}

	public static final int MAX_WINDOW_MINUTES = 7 * 24 * 60;

	public static final int MAX_THRESHOLD = 1_000_000;

	public static final int MIN_SECRET = 16;

	/** A carrier error code as carriers spell them (Sinch's CAMPAIGN_NOT_AVAILABLE, Flowroute's numbers). */
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	private AlertInputs() {
	}

	public static List<Problem> check(Rule rule) {
		List<Problem> problems = new ArrayList<>();
		name(rule.name(), problems);
		if (rule.kind() == null) {
			problems.add(new Problem("kind", "alerts.rule.kind.required"));
		}
		else if (rule.kind().needsCode()) {
			if (rule.errorCode() == null || rule.errorCode().isBlank()) {
				problems.add(new Problem("errorCode", "alerts.rule.code.required"));
			}
			else if (!CODE.matcher(rule.errorCode().strip()).matches()) {
				problems.add(new Problem("errorCode", "alerts.rule.code.malformed"));
			}
		}
		if (rule.threshold() == null || rule.threshold() < 1 || rule.threshold() > MAX_THRESHOLD) {
			problems.add(new Problem("threshold", "alerts.rule.threshold.range"));
		}
		if (rule.windowMinutes() == null || rule.windowMinutes() < 1 || rule.windowMinutes() > MAX_WINDOW_MINUTES) {
			problems.add(new Problem("windowMinutes", "alerts.rule.window.range"));
		}
		if (rule.channelIds().isEmpty()) {
			problems.add(new Problem("channelIds", "alerts.rule.channels.required"));
		}
		return problems;
	}

	public static List<Problem> check(Channel channel) {
		List<Problem> problems = new ArrayList<>();
		name(channel.name(), problems);
		if (channel.kind() == null) {
			problems.add(new Problem("kind", "alerts.channel.kind.required"));
			return problems;
		}
		String target = channel.target() == null ? "" : channel.target().strip();
		switch (channel.kind()) {
			case WEBHOOK -> {
				if (!webhookUrl(target)) {
					problems.add(new Problem("target", "alerts.channel.url.invalid"));
				}
				String secret = channel.secret() == null ? "" : channel.secret().strip();
				if (!secret.isEmpty() && secret.length() < MIN_SECRET) {
					problems.add(new Problem("secret", "alerts.channel.secret.short"));
				}
			}
			case EMAIL -> {
				if (!addresses(target)) {
					problems.add(new Problem("target", "alerts.channel.email.invalid"));
				}
			}
			case PORTAL -> {
			}
		}
		return problems;
	}

	/** An absolute http or https URL with a host and no user info (a password in a URL would be shown). */
	static boolean webhookUrl(String text) {
		if (text.isEmpty() || text.length() > 2000) {
			return false;
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()
					&& uri.getUserInfo() == null && uri.getFragment() == null;
		}
		catch (URISyntaxException malformed) {
			return false;
		}
	}

	/** One or more e-mail addresses, comma separated, each with a domain. */
	static boolean addresses(String text) {
		if (text.isEmpty() || text.length() > 2000) {
			return false;
		}
		try {
			InternetAddress[] parsed = InternetAddress.parse(text, true);
			for (InternetAddress address : parsed) {
				address.validate();
				if (!address.getAddress().contains("@") || address.getAddress().endsWith("@")) {
					return false;
				}
			}
			return parsed.length > 0;
		}
		catch (AddressException malformed) {
			return false;
		}
	}

	private static void name(@Nullable String name, List<Problem> problems) {
		if (name == null || name.isBlank()) {
			problems.add(new Problem("name", "alerts.name.required"));
		}
		else if (name.strip().length() > 100) {
			problems.add(new Problem("name", "alerts.name.too-long"));
		}
	}
}
