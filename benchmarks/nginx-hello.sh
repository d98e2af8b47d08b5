# Copyright (c) 2026 Marc Schraffenberger
# SPDX-License-Identifier: MIT
#
# Sourced by the benchmark scripts: writes the config of an nginx serving GET / -> 200 "hello" on 127.0.0.1:PORT,
# with its own prefix, config and temp paths in WORK (the system's nginx configuration is never read or touched).
# keepalive_requests high: nginx closes a connection after 1,000 requests by default, and reconnecting would be
# measured as the generators' cost.
# usage: nginx_hello_conf WORK PORT   (prints the config's path)
nginx_hello_conf() {
    local work=$1 port=$2
    cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/plain;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    client_body_temp_path $work/client_body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    server {
        listen 127.0.0.1:$port;
        location / { return 200 "hello"; }
    }
}
CONF
    echo "$work/nginx.conf"
}
