// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Load;

/// <summary>
/// One step of a ramping load profile: over <see cref="Duration"/> the load moves linearly from where the previous
/// stage ended to <see cref="Target"/> (a rate in arrivals per second in the open model, a number of workers in the
/// closed model). Kept as plain data so the plan can carry what the user wrote and the scheduler can build a
/// <see cref="LoadShape"/> from it without knowing about attribute text.
/// </summary>
/// <param name="Duration">How long the stage lasts; always greater than zero.</param>
/// <param name="Target">The level reached at the end of the stage; finite and non-negative.</param>
internal sealed record Stage(TimeSpan Duration, double Target);
