// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Clean.Load;

namespace StressTest.Tests.Architecture.Samples.Clean.Transport;

internal sealed record Message(Profile Profile);
