package com.numberops.portal.alerts;

/** Where an alert goes. */
public enum ChannelKind {

	/** The bell in the portal's header: delivered the moment the alert fires. */
	PORTAL,
	/** An HTTP POST of a Slack-compatible JSON body, HMAC-SHA256 signed. */
	WEBHOOK,
	/** An e-mail over SMTP (spring.mail.*). */
	EMAIL
}
