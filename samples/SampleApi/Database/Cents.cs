// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace SampleApi.Database;

/// <summary>Money is stored as whole cents: SQLite has no decimal type, and floating point is not money.</summary>
internal static class Cents
{
    public static long From(decimal amount) => (long)decimal.Round(amount * 100, MidpointRounding.AwayFromZero);

    public static decimal ToAmount(long cents) => cents / 100m;
}
