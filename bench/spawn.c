// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * spawn N CMD [ARG...]: run CMD N times (stdout to /dev/null) and print
 * "<cpu_us_median> <cpu_us_mean> <wall_us_median>" over the runs, where
 * CPU time is the child's user + system time from wait4()'s rusage.  The
 * fallback timer of bench/verdict.sh when perf stat cannot be used.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, long n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double tv_us(struct timeval tv)
{
	return tv.tv_sec * 1e6 + tv.tv_usec;
}

int main(int argc, char **argv)
{
	posix_spawn_file_actions_t actions;
	double *cpu, *wall, cpu_sum = 0;
	struct timespec t0, t1;
	struct rusage ru;
	long n, i;
	int status;
	pid_t pid;

	if (argc < 3 || (n = strtol(argv[1], NULL, 10)) < 1) {
		fprintf(stderr, "usage: %s N CMD [ARG...]\n", argv[0]);
		return 2;
	}
	cpu = calloc(n, sizeof(*cpu));
	wall = calloc(n, sizeof(*wall));
	if (!cpu || !wall || posix_spawn_file_actions_init(&actions) ||
	    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)) {
		fprintf(stderr, "spawn: out of memory\n");
		return 2;
	}
	for (i = 0; i < n; i++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		errno = posix_spawnp(&pid, argv[2], &actions, NULL, argv + 2, environ);
		if (errno) {
			fprintf(stderr, "spawn: %s: %s\n", argv[2], strerror(errno));
			return 2;
		}
		if (wait4(pid, &status, 0, &ru) < 0) {
			fprintf(stderr, "spawn: wait4: %s\n", strerror(errno));
			return 2;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "spawn: %s failed (status 0x%x)\n", argv[2], status);
			return 1;
		}
		cpu[i] = tv_us(ru.ru_utime) + tv_us(ru.ru_stime);
		cpu_sum += cpu[i];
		wall[i] = (t1.tv_sec - t0.tv_sec) * 1e6 + (t1.tv_nsec - t0.tv_nsec) / 1e3;
	}
	printf("%.1f %.1f %.1f\n", median(cpu, n), cpu_sum / n, median(wall, n));
	return 0;
}
