package com.numberops.portal.alerts;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails an alert through Spring Mail (spring.mail.*: SMTP host, port, credentials). Without an
 * SMTP host configured there is no sender, and the delivery fails with that said.
 */
@Component
class EmailSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final AlertsProperties properties;

	private final MessageSourceAccessor text;

	EmailSender(ObjectProvider<JavaMailSender> mail, AlertsProperties properties, MessageSource messages) {
		this.mail = mail;
		this.properties = properties;
		this.text = new MessageSourceAccessor(messages);
	}

	/** Sends it; answers the error, or null when the SMTP server took it. */
	@Nullable
	String send(String addresses, Alert alert) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return text.getMessage("alerts.email.no-smtp");
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.mailFrom());
		message.setTo(addresses.split("\\s*,\\s*"));
		message.setSubject(text.getMessage("alerts.email.subject", new Object[] { alert.title() }));
		StringBuilder body = new StringBuilder(alert.title()).append("\n\n")
			.append(properties.absolute(alert.link()))
			.append("\n");
		for (AlertItem item : alert.items()) {
			body.append("\n- ").append(item.label());
			if (item.detail() != null) {
				body.append(": ").append(item.detail());
			}
			body.append("\n  ").append(properties.absolute(item.link()));
		}
		body.append("\n\n").append(text.getMessage("alerts.email.footer", new Object[] { alert.ruleName() }));
		message.setText(body.toString());
		try {
			sender.send(message);
			return null;
		}
		catch (MailException failed) {
			return failed.getClass().getSimpleName() + ": " + failed.getMessage();
		}
	}
}
