// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Tests.Architecture.Samples.Clean.Load;

internal sealed record Profile(int Workers);
