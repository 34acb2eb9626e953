// Every test process runs in UTC so that day buckets depend only on the shop's time zone argument.
process.env.TZ = "UTC";
