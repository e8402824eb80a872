@NullMarked
package com.numberops.portal.providers.web;

import org.jspecify.annotations.NullMarked;
