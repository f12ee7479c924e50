"""The Scrapy project that collects news articles into the tracker database."""
