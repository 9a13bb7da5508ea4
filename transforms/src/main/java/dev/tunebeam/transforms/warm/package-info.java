/**
 * Warm start: what a study knows before it trains, from a search space's {@code warm_start:} block
 * or given in-process. The entry class is {@code WarmStart} (known points trained first, earlier
 * studies' answered trials as this study's own, reuse); {@code EarlierResults} reads an earlier
 * study's {@code results.json} through Beam FileSystems.
 *
 * <p>Decision: earlier trials are matched into the space by their parameters, never by id (ids hash
 * the study's name), and carried as ordinary {@code TrialResult}s of this study marked {@code
 * reusedFrom}; the search package then treats them as finished trials of an earlier round, so every
 * proposer reads them without knowing about warm starts.
 */
package dev.tunebeam.transforms.warm;
