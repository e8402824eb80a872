package com.numberops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.numberops.portal.users.Section;

/**
 * The user-facing text lives in messages.properties: every key a template asks for is there (a
 * missing one would show as ??key?? on the page), every section of the menu has its name, and
 * every text with values is a valid message format.
 */
class MessagesUnitTest {

	/** A key as a template asks for it: #{key}, #{key(args)}, or #messages.msg('key') inside an expression. */
	static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)(\\(|})|#messages\\.msg\\('([a-zA-Z0-9.\\-]+)'");

	static Properties messages() throws IOException {
		Properties messages = new Properties();
		try (Reader reader = new InputStreamReader(
				Files.newInputStream(Path.of("src/main/resources/messages.properties")), StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		return messages;
	}

	@Test
	void everyKeyATemplateAsksForIsThere() throws IOException {
		Properties messages = messages();
		List<String> missing = new ArrayList<>();
		int keys = 0;
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher key = KEY.matcher(Files.readString(template));
				while (key.find()) {
					keys++;
					String name = key.group(1) != null ? key.group(1) : key.group(3);
					if (!messages.containsKey(name)) {
						missing.add(template.getFileName() + ": " + name);
					}
				}
			}
		}
		assertThat(keys).as("the templates take their text from messages.properties").isGreaterThan(100);
		assertThat(missing).isEmpty();
	}

	@Test
	void everySectionOfTheMenuHasItsName() throws IOException {
		Properties messages = messages();
		for (Section section : Section.values()) {
			assertThat(messages.getProperty("section." + section.name())).as(section.name()).isNotBlank();
		}
	}

	@Test
	void textsWithValuesReadAsTheyDidWhenWrittenInTheTemplates() throws IOException {
		Properties messages = messages();
		MessageFormat waiting = new MessageFormat(messages.getProperty("layout.badge.waiting"), Locale.ENGLISH);
		assertThat(waiting.format(new Object[] { 1L, "1" })).isEqualTo("1 waiting for a decision");
		assertThat(waiting.format(new Object[] { 1234L, "1234" })).isEqualTo("1234 waiting for a decision");
		assertThat(new MessageFormat(messages.getProperty("bulk.limit"), Locale.ENGLISH).format(new Object[] { 5000 }))
			.isEqualTo("(one bulk edit covers at most 5000)");
		assertThat(new MessageFormat(messages.getProperty("bulk.preview.title"), Locale.ENGLISH)
			.format(new Object[] { "CNAM lookups", "on" })).isEqualTo("Preview: CNAM lookups → on");
		assertThat(new MessageFormat(messages.getProperty("edit.toast.sent"), Locale.ENGLISH).format(new Object[] { "Rename" }))
			.isEqualTo("Rename saved and on its way to the carrier.");
		assertThat(new MessageFormat(messages.getProperty("warmup.toast.not-changed"), Locale.ENGLISH)
			.format(new Object[] { "SMS warmup", "Say why {it} isn't paused." }))
			.as("what a refusal says is kept as it is").isEqualTo("SMS warmup not changed: Say why {it} isn't paused.");
		assertThat(new MessageFormat(messages.getProperty("number.pending.many"), Locale.ENGLISH).format(new Object[] { 1234L }))
			.isEqualTo("1234 pending changes");
		assertThat(new MessageFormat(messages.getProperty("batch.heading"), Locale.ENGLISH).format(new Object[] { 1234L }))
			.as("a # outside braces is the text's own").isEqualTo("Bulk edit #1234");
		assertThat(new MessageFormat(messages.getProperty("batch.settled"), Locale.ENGLISH).format(new Object[] { 8, 5000 }))
			.isEqualTo("8 of 5000 changes settled");
		assertThat(new MessageFormat(messages.getProperty("sync.running.started-by"), Locale.ENGLISH)
			.format(new Object[] { "120 of 300 numbers fetched", "09:38:33", "operator" }))
			.isEqualTo("120 of 300 numbers fetched · started 09:38:33 by operator");
		assertThat(new MessageFormat(messages.getProperty("edit.enabled.say-on-or-off"), Locale.ENGLISH)
			.format(new Object[] { "CNAM lookups" })).isEqualTo("Say whether CNAM lookups should be switched on or off.");
		assertThat(new MessageFormat(messages.getProperty("bulk.kind.unknown"), Locale.ENGLISH).format(new Object[] { "RENAME" }))
			.isEqualTo("Unknown edit \"RENAME\": choose one of the edits listed.");
		MessageFormat skips = new MessageFormat(messages.getProperty("batch.skips"), Locale.ENGLISH);
		assertThat(skips.format(new Object[] { 1 })).isEqualTo("1 number was left alone: why");
		assertThat(skips.format(new Object[] { 0 })).isEqualTo("0 numbers were left alone: why");
		assertThat(skips.format(new Object[] { 1234 })).isEqualTo("1,234 numbers were left alone: why");
		// a text with values must not lose an apostrophe to the message format
		for (String key : new TreeSet<>(messages.stringPropertyNames())) {
			String text = messages.getProperty(key);
			if (text.contains("{0") && text.contains("'")) {
				assertThat(text).as(key + ": apostrophes are doubled in a text with values").doesNotContainPattern("[^']'[^']");
			}
		}
	}
}
