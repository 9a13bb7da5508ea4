/**
 * What is made of a study's results (its {@code TrialResult}s, judged by its {@code Objectives},
 * both in {@code transforms.study}): the {@code Leaderboard}, and the transforms {@code RankTrials}
 * and {@code WriteLeaderboard} (the entry classes) that write results.csv, results.json,
 * results.md, report.html and TensorBoard summaries.
 *
 * <p>Decision: one comparator, owned by the objectives, ranks everywhere (leaderboard, rungs,
 * proposals), so no two places can disagree on which trial is best; with several objectives it is
 * NSGA-II's (non-dominated front, then crowding distance, {@code ParetoFronts}), with one it is the
 * value's order, unchanged.
 */
package dev.tunebeam.transforms.results;
