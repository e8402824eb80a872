/** The warmup controls of a number's page. */
@NullMarked
package com.numberops.portal.warmup.web;

import org.jspecify.annotations.NullMarked;
