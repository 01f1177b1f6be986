-- The 预约 report reads a hall's bookings (rows of the table `bookings`, without the person) by the
-- day of their slot, live at each report (main/region/bookings.ts): this index finds a period's
-- bookings of a hall without reading its other rows. The day compares byte by byte (COLLATE "C"),
-- as the hall's SQLite compares 'YYYY-MM-DD'.
CREATE INDEX hall_rows_booking_day ON hall_rows (hall_id, ((row->>'day') COLLATE "C")) WHERE tbl = 'bookings';
