/** Test fixtures shared by every module: free ports, test databases, external tools (real peers). */
@NullMarked
package dev.streamcat.testing;

import org.jspecify.annotations.NullMarked;
