package com.numberops.portal.users;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

import com.numberops.portal.system.AnswerFormat;

/**
 * The answer to a request Tomcat refuses itself, before the portal sees it (a NUL in the path, an
 * address it cannot decode): the portal's error page or problem details, with the same security
 * headers as every other answer ({@link SecurityHeaders}), instead of Tomcat's "HTTP Status 400"
 * page without them. Every request the portal handles has its answer drawn by the portal
 * ({@code system/ErrorAnswers}): this report is written only when no body was.
 * <p>
 * Tomcat instantiates its host's error report valve by class name: hence public, with no
 * arguments, and static text (no Spring context reaches here).
 */
public class ContainerErrorReport extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		SecurityHeaders.WRITERS.forEach(writer -> writer.writeHeaders(request, response));
		HttpStatus known = HttpStatus.resolve(status);
		String title = known == null ? "Error" : known.getReasonPhrase();
		String detail = status == 400
				? "The address could not be read: it holds characters the portal refuses in addresses, such as a NUL."
				: "That request could not be handled (" + title + ").";
		boolean json = AnswerFormat.prefersJson(request.getHeader("Accept"));
		try {
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentType(json ? "application/problem+json" : "text/html");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json ? problem(status, title, detail, request.getRequestURI()) : page(status, detail));
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ignored) {
			// the client has gone, or the answer was already under way: nothing more to say
		}
	}

	private static String problem(int status, String title, String detail, String instance) {
		return "{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status + ",\"detail\":\""
				+ json(detail) + "\",\"instance\":\"" + json(instance) + "\"}";
	}

	private static String json(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** The portal's error page (templates/error/error.html) without the menu: no session is read here. */
	private static String page(int status, String detail) {
		String heading = status < 500 ? "That request could not be handled" : "Something went wrong on our side";
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				    <meta charset="utf-8">
				    <meta name="viewport" content="width=device-width, initial-scale=1">
				    <title>%1$s · Number portal</title>
				    <link rel="icon" type="image/svg+xml" href="/img/favicon.svg">
				    <link rel="stylesheet" href="/webjars/bootstrap/dist/css/bootstrap.min.css">
				    <link rel="stylesheet" href="/css/portal.css">
				</head>
				<body>
				<main class="container-fluid px-4 py-3">
				    <div class="error-page" id="error-%1$s">
				        <p class="error-code">%1$s</p>
				        <h1 class="h4">%2$s</h1>
				        <p class="text-secondary" id="error-message">%3$s</p>
				        <a class="btn btn-primary btn-sm" href="/">Back to the dashboard</a>
				    </div>
				</main>
				</body>
				</html>
				""".formatted(status, heading, HtmlUtils.htmlEscape(detail));
	}
}
