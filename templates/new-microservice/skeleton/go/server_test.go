package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

func get(t *testing.T, mux http.Handler, path string) (int, map[string]string) {
	t.Helper()
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Fatalf("GET %s: Content-Type = %q, want application/json", path, ct)
	}
	var body map[string]string
	if err := json.NewDecoder(rec.Body).Decode(&body); err != nil {
		t.Fatalf("GET %s: decoding body: %v", path, err)
	}
	return rec.Code, body
}

func TestHealthz(t *testing.T) {
	var ready atomic.Bool
	code, body := get(t, newMux(&ready), "/healthz")
	if code != http.StatusOK || body["status"] != "ok" {
		t.Fatalf("GET /healthz = %d %v, want 200 {status: ok}", code, body)
	}
}

func TestReadyz(t *testing.T) {
	var ready atomic.Bool
	mux := newMux(&ready)
	if code, _ := get(t, mux, "/readyz"); code != http.StatusServiceUnavailable {
		t.Fatalf("GET /readyz before start = %d, want 503", code)
	}
	ready.Store(true)
	if code, body := get(t, mux, "/readyz"); code != http.StatusOK || body["status"] != "ready" {
		t.Fatalf("GET /readyz = %d %v, want 200 {status: ready}", code, body)
	}
}
