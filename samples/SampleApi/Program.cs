// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using SampleApi;

// The same factory starts the API in SampleApi.StressTests, so what is stressed is exactly what ships.
SampleApiApp.Build(args).Run();
