package com.numberops.portal.api.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.numberops.portal.api.PhoneNumberDocument;
import com.numberops.portal.api.PhoneNumberReads;
import com.numberops.portal.changes.Change;
import com.numberops.portal.users.PortalPrincipal;

/**
 * What an edit of a number answers: the number as it stands after the edit, as GET
 * /api/phone-numbers/{id} draws it (seed 003's document, {@link PhoneNumberReads}), with its ETag,
 * its links, and the change the edit made or acted on as {@code links.change} and the Location of
 * a 202.
 */
@Component
class NumberAnswers {

	private final PhoneNumberReads reads;

	NumberAnswers(PhoneNumberReads reads) {
		this.reads = reads;
	}

	ResponseEntity<PhoneNumberDocument> answer(PortalPrincipal user, long numberId, HttpStatusCode status,
			@Nullable Change change) {
		PhoneNumberReads.Answer read = reads.get(user, numberId);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).eTag(read.etag());
		PhoneNumberDocument body = read.document();
		if (change != null) {
			String href = ApiLinks.change(change.id());
			body = body.withChange(new PhoneNumberDocument.ChangeLink(String.valueOf(change.id()), change.kind().name(),
					change.state().name(), href));
			if (status.value() == 201 || status.value() == 202) {
				answer.location(URI.create(href));
			}
		}
		return answer.body(body);
	}

	ResponseEntity<PhoneNumberDocument> ok(PortalPrincipal user, long numberId) {
		return answer(user, numberId, HttpStatus.OK, null);
	}

	/** The number's current version, to check an If-Match against; a 404 when this person may not see it. */
	long version(PortalPrincipal user, long numberId) {
		return reads.get(user, numberId).version();
	}
}
